import type { Development } from '../development';
import { separatedByRejoining } from '../law/rejoining';
import { withdrawalBeforeConfirmation, withdrawsReservation } from '../law/reservation-withdrawal';
import { comparePartialDates } from '../partial-date';
import { assertNotBeforeNamedReservation } from './reservation-order-rules';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { assertRevocationFits } from './withdrawal-revocation-rules';
import type { DevelopmentOnRecord, TreatyProfile } from './treaty.state';

/**
 * The rules treaty law adds, against the record (`others` excludes a development being corrected). Reports still
 * arrive in any order; these refuse only what the record contradicts.
 */
export function assertTreatyLawRules(
  development: Development,
  treaty: TreatyProfile,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  switch (development.type) {
    case 'consent-to-be-bound':
      // A report is refused this by its parser; a correction could add the date to, or keep it on, another consent.
      if (development.successionOn !== undefined && development.consentType !== 'succession') {
        throw new TreatyRuleViolation(
          'FIELD_NOT_APPLICABLE',
          `${prefix}successionOn (the date of the succession of States) applies to a consent by succession, not by ${development.consentType}`,
          `${prefix}successionOn`,
        );
      }
      if (
        development.successionOn !== undefined &&
        comparePartialDates(development.successionOn, development.occurredOn) > 0
      ) {
        throw new TreatyRuleViolation(
          'SUCCESSION_AFTER_NOTIFICATION',
          `${prefix}successionOn ${development.successionOn} is after the notification of succession (${development.occurredOn}): a state notifies its succession once it has succeeded`,
          `${prefix}successionOn`,
        );
      }
      return assertNotYetBound(development, others, prefix);
    case 'objection':
      if (development.againstParty === development.party) {
        throw new TreatyRuleViolation(
          'OBJECTION_TO_OWN_RESERVATION',
          `${prefix}againstParty: ${development.party} cannot object to its own reservation (withdraw it instead)`,
          `${prefix}againstParty`,
        );
      }
      assertReservationOnRecord(development.againstParty, development.reservationId, others, 'objection', prefix);
      return assertNotBeforeNamedReservation(development, others, prefix);
    case 'reservation':
      if (development.confirmsReservationId === undefined) return;
      return assertConfirmsFormulatedReservation(development, development.confirmsReservationId, others, prefix);
    case 'reservation-withdrawn':
      assertReservationOnRecord(development.party, development.reservationId, others, 'reservation-withdrawn', prefix);
      assertNotBeforeNamedReservation(development, others, prefix);
      return assertNoConfirmationAfter(development, others, prefix);
    case 'objection-withdrawn':
      return assertObjectionOnRecord(development, others, prefix);
    case 'withdrawal-notified':
      if (
        development.effectiveOn !== undefined &&
        comparePartialDates(development.effectiveOn, development.occurredOn) < 0
      ) {
        throw new TreatyRuleViolation(
          'EFFECTIVE_BEFORE_NOTIFICATION',
          `${prefix}effectiveOn ${development.effectiveOn} is before the notification (${development.occurredOn}): a withdrawal takes effect on or after it is notified`,
          `${prefix}effectiveOn`,
        );
      }
      return;
    case 'withdrawal-revoked':
      return assertRevocationFits(development, treaty, others, prefix);
    case 'statement':
    case 'negotiations':
    case 'context':
      if (development.treaties?.includes(treaty.treatyId)) {
        throw new TreatyRuleViolation(
          'INVALID_FIELD',
          `${prefix}treaties lists ${treaty.treatyId}, the treaty it is reported on; list only the further treaties it concerns`,
          `${prefix}treaties`,
        );
      }
      return;
    case 'signed':
    case 'legislative-approval':
    case 'ratification-completed':
    case 'instruments-exchanged':
    case 'entered-into-force':
    case 'suspended':
    case 'resumed':
    case 'withdrawn':
    case 'terminated':
    case 'declaration':
    case 'provisional-application-started':
    case 'provisional-application-ended':
      return;
    default: {
      const unexpected: never = development;
      throw new Error(`Unexpected development ${JSON.stringify(unexpected)}`);
    }
  }
}

/**
 * A party consents to be bound once. A second report of the same act (same consent type) is a corroboration or a
 * disagreement about its date; a different act while the first stands is refused, unless the party withdrew between
 * the two (a state that withdrew may accede again; reports of either come in any order).
 */
function assertNotYetBound(
  development: Extract<Development, { type: 'consent-to-be-bound' }>,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  const { party } = development;
  const earlier = others.find(
    (other) =>
      other.current.type === 'consent-to-be-bound' &&
      other.current.party === party &&
      other.current.consentType !== development.consentType &&
      !separatedByRejoining(other.current, development, others),
  );
  if (earlier && earlier.current.type === 'consent-to-be-bound') {
    throw new TreatyRuleViolation(
      'PARTY_ALREADY_CONSENTED',
      `${prefix}party ${party} already consented to be bound by ${earlier.current.consentType} on ${earlier.current.occurredOn} (development ${earlier.developmentId}); correct or retract that report, or record a withdrawal first`,
      `${prefix}party`,
    );
  }
}

function assertReservationOnRecord(
  reservingParty: string,
  reservationId: string | undefined,
  others: readonly DevelopmentOnRecord[],
  what: 'objection' | 'reservation-withdrawn',
  prefix: string,
): void {
  const found = others.some(
    (other) =>
      other.current.type === 'reservation' &&
      other.current.party === reservingParty &&
      (reservationId === undefined || other.developmentId === reservationId),
  );
  if (found) return;
  const field = reservationId === undefined ? (what === 'objection' ? 'againstParty' : 'party') : 'reservationId';
  throw new TreatyRuleViolation(
    'RESERVATION_NOT_FOUND',
    reservationId === undefined
      ? `${prefix}${field}: ${reservingParty} has no reservation on record for this ${what} to concern; report the reservation first`
      : `${prefix}reservationId ${reservationId} names no reservation of ${reservingParty} on record`,
    `${prefix}${field}`,
  );
}

/**
 * A confirmation (VCLT art. 23(2)) confirms a reservation of the same party formulated before it, itself no
 * confirmation: the reservation is then made on the date of its confirmation, never before it was formulated.
 */
function assertConfirmsFormulatedReservation(
  development: Extract<Development, { type: 'reservation' }>,
  confirmsReservationId: string,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  const field = `${prefix}confirmsReservationId`;
  const formulated = others.find(
    (other) =>
      other.developmentId === confirmsReservationId &&
      other.current.type === 'reservation' &&
      other.current.party === development.party &&
      other.current.confirmsReservationId === undefined,
  );
  if (!formulated) {
    throw new TreatyRuleViolation(
      'RESERVATION_NOT_FOUND',
      `${field} ${confirmsReservationId} names no reservation of ${development.party} on record that a confirmation can confirm (one formulated, not itself a confirmation); report the reservation formulated at signature first`,
      field,
    );
  }
  if (comparePartialDates(development.occurredOn, formulated.current.occurredOn) < 0) {
    throw new TreatyRuleViolation(
      'CONFIRMATION_BEFORE_RESERVATION',
      `${prefix}occurredOn ${development.occurredOn} is before the reservation it confirms was formulated (${formulated.current.occurredOn}, development ${formulated.developmentId})`,
      `${prefix}occurredOn`,
    );
  }
  const withdrawal = withdrawalBeforeConfirmation(formulated, development.occurredOn, others);
  if (withdrawal) {
    // A report names the reservation it confirms; a correction cannot change that, only the date.
    const changed = prefix === '' ? field : `${prefix}occurredOn`;
    throw new TreatyRuleViolation(
      'CONFIRMATION_AFTER_WITHDRAWAL',
      `${changed}: the reservation ${confirmsReservationId} was withdrawn on ${withdrawal.current.occurredOn} (development ${withdrawal.developmentId}), before this confirmation (${development.occurredOn}); a withdrawn reservation cannot be confirmed: report the reservation made on consent without confirmsReservationId, or correct or retract the withdrawal`,
      changed,
    );
  }
}

/**
 * A withdrawal of a reservation may not come before a confirmation of it on record (VCLT art. 22, 23(2)): the
 * record would say a withdrawn reservation was confirmed. One on or after the confirmation withdraws it as confirmed.
 */
function assertNoConfirmationAfter(
  development: Extract<Development, { type: 'reservation-withdrawn' }>,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  for (const confirmation of others) {
    const { current } = confirmation;
    if (current.type !== 'reservation' || current.confirmsReservationId === undefined) continue;
    if (comparePartialDates(development.occurredOn, current.occurredOn) >= 0) continue;
    const confirmed = others.find((other) => other.developmentId === current.confirmsReservationId);
    if (confirmed && withdrawsReservation(development, confirmed, others)) {
      throw new TreatyRuleViolation(
        'CONFIRMATION_AFTER_WITHDRAWAL',
        `${prefix}occurredOn ${development.occurredOn} is before the confirmation of the reservation it withdraws (${confirmed.developmentId}, confirmed on ${current.occurredOn}, development ${confirmation.developmentId}); a withdrawn reservation cannot be confirmed: correct or retract one of the two`,
        `${prefix}occurredOn`,
      );
    }
  }
}

/**
 * A correction of a reservation that another confirms (VCLT art. 23(2)) must leave it confirmable: the same party,
 * formulated no later than each confirmation on record, and not withdrawn before one; a corrected confirmation stays
 * on or before a withdrawal naming it. `others` is the record without the corrected development.
 */
export function assertConfirmationsStillFit(
  developmentId: string,
  corrected: Development,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (corrected.type !== 'reservation') return;
  if (corrected.confirmsReservationId !== undefined) {
    return assertNotWithdrawnByNameBefore(developmentId, corrected, others, prefix);
  }
  for (const other of others) {
    const { current } = other;
    if (current.type !== 'reservation' || current.confirmsReservationId !== developmentId) continue;
    if (current.party !== corrected.party) {
      throw new TreatyRuleViolation(
        'INVALID_CORRECTION',
        `${prefix}party: the reservation is confirmed by ${current.party} (development ${other.developmentId}); retract that confirmation first`,
        `${prefix}party`,
      );
    }
    if (comparePartialDates(current.occurredOn, corrected.occurredOn) < 0) {
      throw new TreatyRuleViolation(
        'CONFIRMATION_BEFORE_RESERVATION',
        `${prefix}occurredOn ${corrected.occurredOn} is after the confirmation of this reservation (${current.occurredOn}, development ${other.developmentId})`,
        `${prefix}occurredOn`,
      );
    }
    const withdrawal = withdrawalBeforeConfirmation({ developmentId, current: corrected }, current.occurredOn, others);
    if (withdrawal) {
      throw new TreatyRuleViolation(
        'CONFIRMATION_AFTER_WITHDRAWAL',
        `${prefix}occurredOn ${corrected.occurredOn}: the withdrawal of ${withdrawal.current.occurredOn} (development ${withdrawal.developmentId}) would withdraw this reservation before its confirmation (${current.occurredOn}, development ${other.developmentId})`,
        `${prefix}occurredOn`,
      );
    }
  }
}

/**
 * A confirmation moved by a correction must stay on or before a withdrawal that names it (the withdrawal names the
 * confirmation, which `others` no longer holds, so the check of its reservation's withdrawals cannot see it).
 */
function assertNotWithdrawnByNameBefore(
  developmentId: string,
  confirmation: Extract<Development, { type: 'reservation' }>,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  const withdrawal = others.find(
    ({ current }) =>
      current.type === 'reservation-withdrawn' &&
      current.reservationId === developmentId &&
      comparePartialDates(current.occurredOn, confirmation.occurredOn) < 0,
  );
  if (withdrawal) {
    throw new TreatyRuleViolation(
      'CONFIRMATION_AFTER_WITHDRAWAL',
      `${prefix}occurredOn ${confirmation.occurredOn} is after the withdrawal of this confirmed reservation (${withdrawal.current.occurredOn}, development ${withdrawal.developmentId}); a withdrawn reservation cannot be confirmed: correct or retract one of the two`,
      `${prefix}occurredOn`,
    );
  }
}

function assertObjectionOnRecord(
  development: Extract<Development, { type: 'objection-withdrawn' }>,
  others: readonly DevelopmentOnRecord[],
  prefix: string,
): void {
  const { party, againstParty } = development;
  const objections = others.filter(
    (other) =>
      other.current.type === 'objection' &&
      other.current.party === party &&
      other.current.againstParty === againstParty,
  );
  if (objections.length === 0) {
    throw new TreatyRuleViolation(
      'OBJECTION_NOT_FOUND',
      `${prefix}againstParty: ${party} has no objection on record to a reservation of ${againstParty}`,
      `${prefix}againstParty`,
    );
  }
  // A state withdraws an objection it made (VCLT art. 22(2)): one dated before all of them withdraws nothing, and the
  // status would keep the objection standing beside a withdrawal that concerns none (party-status.ts reads it so).
  if (objections.some((other) => comparePartialDates(development.occurredOn, other.current.occurredOn) >= 0)) return;
  const first = [...objections].sort((a, b) => comparePartialDates(a.current.occurredOn, b.current.occurredOn))[0]!;
  throw new TreatyRuleViolation(
    'OBJECTION_NOT_FOUND',
    `${prefix}occurredOn ${development.occurredOn} is before every objection of ${party} to the reservations of ${againstParty} on record (the first made on ${first.current.occurredOn}, development ${first.developmentId}): it would withdraw none; correct the date of one of them`,
    `${prefix}occurredOn`,
  );
}

/**
 * A correction of an objection (its date, or its state) must leave every withdrawal of objections on record that it
 * answered with an objection made by its date (`assertObjectionOnRecord` from the other side): otherwise the
 * record says a state withdrew an objection before making it. `others` is the record without the corrected one.
 */
export function assertObjectionWithdrawalsStillFollow(
  developmentId: string,
  corrected: Development,
  others: readonly DevelopmentOnRecord[],
  prefix = '',
): void {
  if (corrected.type !== 'objection') return;
  const withdrawal = withdrawalWithNoObjection([...others, { developmentId, current: corrected }]);
  if (withdrawal === undefined) return;
  const { current } = withdrawal;
  // Moved to another state, the objection left its own state's withdrawal; moved in time, it came after it.
  const field = corrected.party === current.party ? 'occurredOn' : 'party';
  throw new TreatyRuleViolation(
    'OBJECTION_NOT_FOUND',
    `${prefix}${field} ${corrected[field]}: the withdrawal of ${current.party}'s objections to the reservations of ${current.againstParty} (${current.occurredOn}, development ${withdrawal.developmentId}) would come before every objection it withdraws; correct or retract that withdrawal first`,
    `${prefix}${field}`,
  );
}

/** A withdrawal of objections on `record` that no objection of its state to the same party's reservations precedes. */
export function withdrawalWithNoObjection(
  record: readonly Pick<DevelopmentOnRecord, 'developmentId' | 'current'>[],
):
  | (Pick<DevelopmentOnRecord, 'developmentId'> & { current: Extract<Development, { type: 'objection-withdrawn' }> })
  | undefined {
  for (const { developmentId, current } of record) {
    if (current.type !== 'objection-withdrawn') continue;
    const answered = record.some(
      (other) =>
        other.current.type === 'objection' &&
        other.current.party === current.party &&
        other.current.againstParty === current.againstParty &&
        comparePartialDates(current.occurredOn, other.current.occurredOn) >= 0,
    );
    if (!answered) return { developmentId, current };
  }
  return undefined;
}
