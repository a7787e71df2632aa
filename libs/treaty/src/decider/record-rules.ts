import { partyOf, type Development } from '../development';
import { CONSENT_TYPES, consentAddsParty, type ConsentType } from '../law/treaty-law.vocabulary';
import { addDays, comparePartialDates, isCalendarDate, isInFuture } from '../partial-date';
import type { Source } from '../treaty.events';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import type { DecisionContext } from '../treaty.commands';
import type { RecordIndex } from './record-index';
import { assertTreatyLawRules } from './treaty-law-rules';
import { addsParty, partiesOf, type DevelopmentOnRecord, type TreatyProfile } from './treaty.state';

/**
 * The rules a development must obey against the record, shared by new reports and corrections (a corrected
 * development is held to the same rules as a new one). `prefix` dots field names for corrections (`changes.`).
 */

/** The signature bounds these from below: none of them can happen before the treaty is signed. */
const BOUNDED_BY_SIGNATURE: ReadonlySet<Development['type']> = new Set([
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'entered-into-force',
  'consent-to-be-bound',
]);

/**
 * The treaty's signature bounds every development; a party's own signature (a later signature) bounds only that
 * party's, since the others may well have ratified before it signed.
 */
function bounds(signature: Development, development: Development): boolean {
  const signer = partyOf(signature);
  return BOUNDED_BY_SIGNATURE.has(development.type) && (signer === undefined || signer === partyOf(development));
}

export function requireToday(context: DecisionContext): string {
  if (!isCalendarDate(context?.today)) {
    // A caller bug, not bad input: the app derives today from its clock.
    throw new RangeError(`context.today must be a date written YYYY-MM-DD; got ${String(context?.today)}`);
  }
  return context.today;
}

/**
 * A development's party must be a party of the treaty: an original one or one that joined. A signature by a party,
 * an accession or a succession is how a party joins, so for those any party is accepted, except on a treaty
 * registered as bilateral; on one registered multilateral, so is any consent to be bound (`addsParty`), and a
 * chamber's approval that comes before it (`stepTowardJoining`).
 */
export function assertPartyInTreaty(
  development: Development,
  treaty: TreatyProfile,
  parties: readonly string[],
  prefix = '',
): void {
  const party = partyOf(development);
  if (party === undefined) return;
  if (parties.includes(party)) return;
  if (openToStatesNotParties(development, treaty.kind)) return;
  if (objectionOpenToStatesNotParties(development, treaty.kind)) return;
  if (addsParty(development, treaty)) {
    throw new TreatyRuleViolation(
      'BILATERAL_TREATY_CLOSED',
      `${prefix}party ${party} cannot join treaty ${treaty.treatyId}: it is registered as bilateral between ${parties.join(', ')}`,
      `${prefix}party`,
    );
  }
  throw new TreatyRuleViolation(
    'PARTY_NOT_IN_TREATY',
    `${prefix}party ${party} is not a party of treaty ${treaty.treatyId} (parties: ${parties.join(', ')}); a state joins by signature, accession or succession, or, on a treaty registered multilateral, by any consent to be bound, which its chamber may approve first`,
    `${prefix}party`,
  );
}

/**
 * An objection to a reservation, or its withdrawal, by a state not (yet) a party of a treaty registered multilateral:
 * any state entitled to become a party may object (ILC Guide to Practice on Reservations to Treaties, 2011, guideline
 * 2.6.5(b)), and one registered multilateral is open to any state's consent (decision 0067). It makes the state no
 * party; the status flags it (`OBJECTION_BY_STATE_NOT_ON_RECORD`), since its objection has effect only once the state
 * consents, and a state not named is as often a report naming the wrong one (decision 0112). Not an act by which a
 * state joins, so the extraction, which asks `openToStatesNotParties`, does not match a treaty by it.
 */
function objectionOpenToStatesNotParties(development: Development, kind: TreatyProfile['kind']): boolean {
  return kind === 'multilateral' && (development.type === 'objection' || development.type === 'objection-withdrawn');
}

/** An act as far as who may do it goes: its type, and for a consent, which (`CONSENT_TYPES`). */
export type PartyAct = {
  readonly type: string;
  readonly consentType?: string | undefined;
};

/**
 * Whether a state that is not (yet) a party of a treaty of this kind may be the one doing `act`: the acts by which
 * it joins (`addsParty`), except on a treaty registered bilateral, and on one registered multilateral its chamber's
 * approval first (`stepTowardJoining`). `assertPartyInTreaty` lets these through, and besides them, on a treaty
 * registered multilateral, an objection or its withdrawal (`objectionOpenToStatesNotParties`, decision 0112), which
 * is no act of joining. The extraction asks this, not that, before it names a state not on record as the party of
 * what it proposes.
 */
export function openToStatesNotParties(act: PartyAct, kind: TreatyProfile['kind']): boolean {
  if (stepTowardJoining(act, kind)) return true;
  if (kind === 'bilateral') return false;
  return (
    act.type === 'signed' ||
    (act.type === 'consent-to-be-bound' &&
      isConsentType(act.consentType) &&
      (kind === 'multilateral' || consentAddsParty(act.consentType)))
  );
}

function isConsentType(type: string | undefined): type is ConsentType {
  return (CONSENT_TYPES as readonly (string | undefined)[]).includes(type);
}

/**
 * A chamber's approval by a state that is not (yet) a party of a treaty registered multilateral: a parliament
 * approves joining a convention before its state deposits the instrument (the State Duma votes a law on accession,
 * then the instrument goes to the depositary). It is on record as the state's first step, and makes it no party:
 * it is listed, counted and bound only once its consent is on record, whose path then starts with this approval
 * (decision 0070). On a bilateral treaty, or one of unknown kind, the approval of a state not on record is refused,
 * as its ratification would be (decision 0067): a vote does not say whether it approves an accession, which a
 * treaty of unknown kind would take, and a vote by a state not named is more often a report naming the wrong one.
 */
function stepTowardJoining(act: PartyAct, kind: TreatyProfile['kind']): boolean {
  return act.type === 'legislative-approval' && kind === 'multilateral';
}

export function assertNotInFuture(development: Development, today: string, prefix = ''): void {
  if (isInFuture(development.occurredOn, today)) {
    throw new TreatyRuleViolation(
      'DATE_IN_FUTURE',
      `${prefix}occurredOn ${development.occurredOn} is in the future (today is ${today}): only what has happened is recorded`,
      `${prefix}occurredOn`,
    );
  }
}

export function assertSourceNotInFuture(source: Source, today: string, field = 'source'): void {
  if (isInFuture(source.publishedOn, today)) {
    throw new TreatyRuleViolation(
      'DATE_IN_FUTURE',
      `${field}.publishedOn ${source.publishedOn} is in the future (today is ${today})`,
      `${field}.publishedOn`,
    );
  }
}

/**
 * Acts a source can only report once they are done: a signature, a vote, an instrument, a statement. Not those
 * whose date is set beforehand and announced (an entry into force by its clause, a withdrawal taking effect, a
 * provisional application from a given day, a suspension or termination decided ahead, talks scheduled), nor
 * background.
 */
const REPORTED_ONCE_DONE: ReadonlySet<Development['type']> = new Set([
  'signed',
  'legislative-approval',
  'ratification-completed',
  'instruments-exchanged',
  'consent-to-be-bound',
  'reservation',
  'declaration',
  'objection',
  'reservation-withdrawn',
  'objection-withdrawn',
  'withdrawal-notified',
  'withdrawal-revoked',
  'statement',
]);

/**
 * A source cannot report an act before it was done: one published more than a day before the act's date (the
 * first day of its month or year, for a partial date) has a mistaken date, or the act has. A day is allowed for
 * time zones: a vote in Tehran on the 9th may be in an American paper dated the 8th.
 */
export function assertSourceNotBefore(development: Development, source: Source, field = 'source', prefix = ''): void {
  if (!REPORTED_ONCE_DONE.has(development.type)) return;
  if (comparePartialDates(addDays(source.publishedOn, 1), development.occurredOn) >= 0) return;
  throw new TreatyRuleViolation(
    'SOURCE_BEFORE_DEVELOPMENT',
    `${field}.publishedOn ${source.publishedOn} is before the ${development.type} it reports (${prefix}occurredOn ${development.occurredOn}): a source reports an act once it is done; check either date`,
    `${field}.publishedOn`,
  );
}

/**
 * Keeps every signature on record no later than every approval, ratification, exchange and entry into force on
 * record, comparing at the coarser precision of each pair ("2025-04" is not before "2025-04-08"). With disagreeing
 * signature reports on record, a development must fit all of them: whichever report is wrong, the record must not
 * contradict itself, and an editor resolves the disagreement by correcting or retracting one.
 */
export function assertSignatureOrder(
  development: Development,
  onRecord: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  const field = `${prefix}occurredOn`;
  if (BOUNDED_BY_SIGNATURE.has(development.type)) {
    const signature = onRecord.find(
      (other) =>
        other.current.type === 'signed' &&
        bounds(other.current, development) &&
        comparePartialDates(development.occurredOn, other.current.occurredOn) < 0,
    );
    if (signature) {
      throw new TreatyRuleViolation(
        'DATE_BEFORE_SIGNATURE',
        `${field} ${development.occurredOn} is before the signature on record (${signature.current.occurredOn}, development ${signature.developmentId}): a ${development.type} cannot precede the signature`,
        field,
      );
    }
  }
  if (development.type === 'signed') {
    const later = onRecord.find(
      (other) =>
        bounds(development, other.current) && comparePartialDates(development.occurredOn, other.current.occurredOn) > 0,
    );
    if (later) {
      throw new TreatyRuleViolation(
        'SIGNATURE_AFTER_DEVELOPMENT',
        `${field} ${development.occurredOn} is after the ${later.current.type} on record (${later.current.occurredOn}, development ${later.developmentId}): a treaty is signed before it is approved, ratified or in force`,
        field,
      );
    }
  }
}

/**
 * What a development must fit: the developments on record beside it, and the treaty's parties by them. A report
 * passes its state's `RecordIndex`; a correction the record without the development it corrects (`recordBeside`).
 */
export type RecordToFit = Pick<RecordIndex, 'onRecord' | 'parties'>;

/** The record as it stands without the development being corrected. */
export function recordBeside(treaty: TreatyProfile, others: readonly DevelopmentOnRecord[]): RecordToFit {
  return { onRecord: others, parties: partiesOf(treaty, others) };
}

/** All the record rules for a development, new or corrected. */
export function assertFitsRecord(
  development: Development,
  treaty: TreatyProfile,
  record: RecordToFit,
  today: string,
  prefix = '',
): void {
  assertPartyInTreaty(development, treaty, record.parties, prefix);
  assertNotInFuture(development, today, prefix);
  assertSignatureOrder(development, record.onRecord, prefix);
  assertTreatyLawRules(development, treaty, record.onRecord, prefix);
}
