import type { JsonView } from '@timeline/projections';
import type { DevelopmentType } from '@timeline/treaty';

/** A source as a report cites it. */
export interface CitedSource {
  readonly publisher: string;
  readonly publishedOn: string;
  readonly url?: string;
  readonly document?: string;
  readonly quote?: string;
}

/** A source as cited by a development, from the timeline view: when it was recorded, and whether it corroborates. */
export interface SourceRecord extends CitedSource {
  readonly kind: 'original' | 'corroboration';
  readonly recordedAt: string;
  /** Where the log holds the event that brought it in. */
  readonly position: string;
}

export interface CorrectionRecord {
  readonly eventId: string;
  readonly reason: string;
  readonly recordedAt: string;
  readonly position: string;
  readonly changes: Record<string, unknown>;
  readonly source: CitedSource;
}

export interface RetractionRecord {
  readonly eventId: string;
  readonly reason: string;
  readonly recordedAt: string;
  readonly position: string;
  readonly source: CitedSource;
}

/**
 * One development as feeds, calendars and downloads show it: its current fields (corrections applied), every
 * source, and when the record of it last changed. Built from the read model's timeline view, never from events.
 */
export interface DevelopmentRecord {
  readonly treatyId: string;
  readonly treatyTitle: string;
  readonly treatyParties: readonly string[];
  readonly developmentId: string;
  readonly type: string;
  readonly occurredOn: string;
  readonly precision: 'day' | 'month' | 'year';
  readonly party?: string;
  readonly body?: string;
  /** A legislative approval's stage of the chamber's procedure (`first-reading`, ...), when reported. */
  readonly stage?: string;
  readonly place?: string;
  readonly signatories?: readonly string[];
  readonly votes?: { readonly for?: number; readonly against?: number; readonly abstained?: number };
  /** A consent's type (`ratification`, `accession`, ...), and a succession's date of the succession of States. */
  readonly consentType?: string;
  readonly successionOn?: string;
  /** A reservation's, declaration's or objection's wording. */
  readonly text?: string;
  /** The reservation made at signature that a reservation confirms on consent. */
  readonly confirmsReservationId?: string;
  /** The party whose reservation an objection (or its withdrawal) is made to. */
  readonly againstParty?: string;
  /** The reservation an objection is made to, or that is withdrawn. */
  readonly reservationId?: string;
  /** The day a notified withdrawal takes effect, as the notification gives it. */
  readonly effectiveOn?: string;
  /** A statement's speaker and words. */
  readonly speaker?: string;
  readonly quote?: string;
  /** Who takes part in negotiations. */
  readonly participants?: readonly string[];
  /** A context's summary. */
  readonly summary?: string;
  /** The treaties and parties a statement, negotiations or context names. */
  readonly treaties?: readonly string[];
  readonly parties?: readonly string[];
  readonly sources: readonly SourceRecord[];
  readonly recordedAt: string;
  /** The latest of its recording, its corroborations, corrections and retraction. */
  readonly updatedAt: string;
  readonly position: string;
  readonly corrections: readonly CorrectionRecord[];
  readonly retraction: RetractionRecord | null;
  /** The other reports of the same development on record whose dates disagree with this one's (the timeline's). */
  readonly openDisagreements?: readonly string[];
}

/** The treaty a set of records belongs to: from its status view. */
export interface TreatySummary {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
}

export function summaryOf(status: JsonView): TreatySummary {
  return { id: String(status.id), title: String(status.title), parties: (status.parties as string[]) ?? [] };
}

/** What a timeline view's item holds: the development's own fields, each only where its type has it. */
type TimelineItemJson = Pick<DevelopmentRecord, (typeof DETAIL_FIELDS)[number]> & {
  developmentId: string;
  type: string;
  occurredOn: string;
  precision: 'day' | 'month' | 'year';
  sources: SourceRecord[];
  recordedAt: string;
  position: string;
  corrections: CorrectionRecord[];
  retraction: RetractionRecord | null;
  openDisagreements?: string[];
};

/** The fields a development's type may carry, copied as the timeline gives them (corrections applied). */
const DETAIL_FIELDS = [
  'party',
  'body',
  'stage',
  'place',
  'signatories',
  'votes',
  'consentType',
  'successionOn',
  'text',
  'confirmsReservationId',
  'againstParty',
  'reservationId',
  'effectiveOn',
  'speaker',
  'quote',
  'participants',
  'summary',
  'treaties',
  'parties',
] as const;

/** The developments of one treaty's timeline view, in its order (valid time). */
export function developmentRecords(treaty: TreatySummary, timeline: JsonView): DevelopmentRecord[] {
  const items = (timeline.items as TimelineItemJson[] | undefined) ?? [];
  return items.map((item) => {
    const changes = [
      item.recordedAt,
      ...item.sources.map((source) => source.recordedAt),
      ...item.corrections.map((correction) => correction.recordedAt),
      ...(item.retraction ? [item.retraction.recordedAt] : []),
    ];
    return {
      treatyId: treaty.id,
      treatyTitle: treaty.title,
      treatyParties: treaty.parties,
      developmentId: item.developmentId,
      type: item.type,
      occurredOn: item.occurredOn,
      precision: item.precision,
      ...detailsOf(item),
      sources: item.sources,
      recordedAt: item.recordedAt,
      updatedAt: changes.reduce((latest, at) => (at > latest ? at : latest)),
      position: item.position,
      corrections: item.corrections,
      retraction: item.retraction,
      openDisagreements: item.openDisagreements ?? [],
    };
  });
}

/** The item's own fields that are present: a type's fields, never another type's, as the timeline gives them. */
function detailsOf(item: TimelineItemJson): Partial<DevelopmentRecord> {
  const details: Record<string, unknown> = {};
  for (const field of DETAIL_FIELDS) if (item[field] !== undefined) details[field] = item[field];
  return details;
}

/**
 * Words for every type, which feed titles and calendar summaries lead with: typed by the domain's list, so that a
 * type added there cannot reach a newsroom's calendar as its token ("consent-to-be-bound (FR): …").
 */
const TYPE_LABELS: Record<DevelopmentType, string> = {
  signed: 'Signed',
  'legislative-approval': 'Legislative approval',
  'ratification-completed': 'Ratification completed',
  'instruments-exchanged': 'Instruments of ratification exchanged',
  'entered-into-force': 'Entered into force',
  suspended: 'Suspended',
  resumed: 'Resumed',
  withdrawn: 'Withdrawal',
  terminated: 'Terminated',
  'consent-to-be-bound': 'Consent to be bound',
  reservation: 'Reservation',
  declaration: 'Declaration',
  objection: 'Objection',
  'reservation-withdrawn': 'Reservation withdrawn',
  'objection-withdrawn': 'Objection withdrawn',
  'provisional-application-started': 'Provisional application started',
  'provisional-application-ended': 'Provisional application ended',
  'withdrawal-notified': 'Withdrawal notified',
  'withdrawal-revoked': 'Withdrawal notice revoked',
  statement: 'Statement',
  negotiations: 'Negotiations',
  context: 'Context',
};

const STAGE_LABELS: Record<string, string> = {
  committee: 'committee',
  'first-reading': 'first reading',
  'second-reading': 'second reading',
  'third-reading': 'third reading',
  final: 'final vote',
};

/**
 * "Legislative approval (RU, State Duma, first reading)", "Consent to be bound (KZ, accession)", "Objection (DE, to
 * FR's reservation)", "Statement (Sergei Lavrov)": what happened, by whom, in a few words.
 */
export function describeDevelopment(record: DevelopmentRecord): string {
  const label = (TYPE_LABELS as Record<string, string>)[record.type] ?? record.type;
  const stage = record.stage && (STAGE_LABELS[record.stage] ?? record.stage);
  const who = [
    record.party ?? record.speaker ?? record.participants?.join(', '),
    record.body,
    record.consentType?.replace(/-/g, ' '), // "definitive signature"
    record.againstParty && `to ${record.againstParty}'s reservation`,
    stage,
    record.place,
  ]
    .filter(Boolean)
    .join(', ');
  return who ? `${label} (${who})` : label;
}

/**
 * The lines that say what a development's type holds beyond its title, for a feed entry's text and a calendar
 * event's description: a statement's words, a reservation's text, a withdrawal's effective date, the treaties named.
 */
export function detailLines(record: DevelopmentRecord): string[] {
  return [
    record.speaker !== undefined && record.quote !== undefined ? `${record.speaker}: “${record.quote}”` : undefined,
    record.summary,
    record.text !== undefined ? `Text: “${record.text}”` : undefined,
    record.successionOn !== undefined ? `Date of the succession of States: ${record.successionOn}` : undefined,
    record.effectiveOn !== undefined ? `Takes effect on: ${record.effectiveOn}` : undefined,
    record.reservationId !== undefined ? `Reservation: development ${record.reservationId}` : undefined,
    record.confirmsReservationId !== undefined
      ? `Confirms the reservation made at signature: development ${record.confirmsReservationId}`
      : undefined,
    record.treaties?.length ? `Treaties named: ${record.treaties.join(', ')}` : undefined,
    record.parties?.length ? `Parties named: ${record.parties.join(', ')}` : undefined,
  ].filter((line): line is string => line !== undefined);
}

export function citeSource(source: CitedSource): string {
  const where = source.url ?? source.document;
  return [
    `${source.publisher}, ${source.publishedOn}`,
    where ? ` <${where}>` : '',
    source.quote ? `: “${source.quote}”` : '',
  ].join('');
}
