import type { JsonView } from '@timeline/projections';
import type { DevelopmentRecord } from '../feeds/development-records';
import { VERBATIM, type CsvColumns } from './csv';

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/**
 * `treaties.csv`: one row per treaty, its current status and dates, each with its precision. Every column but the
 * title is written or validated by the product (a slug, codes, an enum, dates, numbers): only the title is an
 * editor's free text, defused against formulas (decision 0037).
 */
export const TREATY_COLUMNS: CsvColumns<JsonView> = [
  ['id', (treaty) => text(treaty.id), VERBATIM],
  ['title', (treaty) => text(treaty.title)],
  ['category', (treaty) => text(treaty.category), VERBATIM],
  ['parties', (treaty) => ((treaty.parties as string[] | undefined) ?? []).join(' '), VERBATIM],
  ['status', (treaty) => text(treaty.status), VERBATIM],
  ...(
    ['signedOn', 'instrumentsExchangedOn', 'enteredIntoForceOn', 'suspendedOn', 'resumedOn', 'terminatedOn'] as const
  ).flatMap((field) => [
    [field, (treaty: JsonView) => text(treaty[field]), VERBATIM] as const,
    [`${field}Precision`, (treaty: JsonView) => text(treaty[`${field}Precision`]), VERBATIM] as const,
  ]),
  ['revision', (treaty) => text(treaty.revision), VERBATIM],
  ['position', (treaty) => text(treaty.position), VERBATIM],
  // Dates the service computes (from the entry-into-force clause, a bilateral treaty's end) show before any source
  // reports them, once they have come: without these a download reads them as reported facts. Last, so that a
  // reader that takes columns by position still finds the others where they were.
  ['enteredIntoForceOnComputed', (treaty) => treaty.enteredIntoForceOnComputed === true],
  ['terminatedOnComputed', (treaty) => treaty.terminatedOnComputed === true],
  // The same dates while still ahead of today: expected, not yet in the dates above (decision 0035).
  ['enteredIntoForceOnExpected', (treaty) => text(treaty.enteredIntoForceOnExpected), VERBATIM],
  ['terminatedOnExpected', (treaty) => text(treaty.terminatedOnExpected), VERBATIM],
];

/**
 * `developments.csv`: one row per development, corrections applied, with its original source. The body, place,
 * signatories and the source's publisher, address, document and quote are an editor's text, defused against
 * formulas; the rest the product writes or validates, verbatim (decision 0037).
 */
export const DEVELOPMENT_COLUMNS: CsvColumns<DevelopmentRecord> = [
  ['treatyId', (record) => record.treatyId, VERBATIM],
  ['developmentId', (record) => record.developmentId, VERBATIM],
  ['type', (record) => record.type, VERBATIM],
  ['occurredOn', (record) => record.occurredOn, VERBATIM],
  ['precision', (record) => record.precision, VERBATIM],
  ['party', (record) => record.party, VERBATIM],
  ['body', (record) => record.body],
  ['place', (record) => record.place],
  // One a line: names hold spaces ("Vladimir Putin Masoud Pezeshkian" was one name or two, or four), never a line
  // break (the API refuses one in a name), and a spreadsheet shows each on its own line of the cell.
  ['signatories', (record) => record.signatories?.join('\n')],
  ['votesFor', (record) => record.votes?.for],
  ['votesAgainst', (record) => record.votes?.against],
  ['votesAbstained', (record) => record.votes?.abstained],
  ['corrected', (record) => record.corrections.length > 0],
  ['retracted', (record) => record.retraction !== null],
  ['sourcePublisher', (record) => record.sources[0]?.publisher],
  ['sourcePublishedOn', (record) => record.sources[0]?.publishedOn, VERBATIM],
  ['sourceUrl', (record) => record.sources[0]?.url],
  ['sourceDocument', (record) => record.sources[0]?.document],
  ['sourceQuote', (record) => record.sources[0]?.quote],
  ['corroboratingSources', (record) => Math.max(0, record.sources.length - 1)],
  ['recordedAt', (record) => record.recordedAt, VERBATIM],
  ['updatedAt', (record) => record.updatedAt, VERBATIM],
  ['position', (record) => record.position, VERBATIM],
  // A chamber's reading (`first-reading`, ...): without it two readings of one chamber look like two reports that
  // disagree on the date of one vote. Empty for the decisive vote. Last, as the columns before it stay in place.
  ['stage', (record) => record.stage, VERBATIM],
  // Treaty law's and diplomacy's own fields, each empty where the type has none: what a consent was, a reservation's
  // or objection's wording and target, when a notified withdrawal takes effect, who said what, who negotiated.
  ['consentType', (record) => record.consentType, VERBATIM],
  ['successionOn', (record) => record.successionOn, VERBATIM],
  ['text', (record) => record.text],
  ['confirmsReservationId', (record) => record.confirmsReservationId, VERBATIM],
  ['againstParty', (record) => record.againstParty, VERBATIM],
  ['reservationId', (record) => record.reservationId, VERBATIM],
  ['effectiveOn', (record) => record.effectiveOn, VERBATIM],
  ['speaker', (record) => record.speaker],
  ['quote', (record) => record.quote],
  ['participants', (record) => record.participants?.join(' '), VERBATIM],
  ['summary', (record) => record.summary],
  ['treatiesNamed', (record) => record.treaties?.join(' '), VERBATIM],
  ['partiesNamed', (record) => record.parties?.join(' '), VERBATIM],
  // Two reports of one act that disagree on its date are two rows that otherwise read as two acts (two votes of one
  // chamber): each names the other here, as the timeline's `openDisagreements` and the status's `disagreements` do.
  ['openDisagreements', (record) => record.openDisagreements?.join(' '), VERBATIM],
];
