import { partyOf } from '../development';
import { TreatyRuleViolation } from '../treaty-rule-violation.error';
import { withdrawalWithNoObjection } from './treaty-law-rules';
import type { DevelopmentOnRecord } from './treaty.state';

/**
 * What a retraction must leave whole. A retracted report is unfounded; a report on record that depends on it would
 * then speak of nothing: an objection to, a withdrawal of, or a confirmation of a reservation it names
 * (`reservationId`, `confirmsReservationId`), or a withdrawal of objections whose every objection is gone. The editor
 * retracts (or corrects) the dependent report first, as with a revoked notice (withdrawal-revocation-rules.ts).
 * `others`: the record without the retracted development.
 */
export function assertRetractionLeavesRecordWhole(
  retracted: DevelopmentOnRecord,
  others: readonly DevelopmentOnRecord[],
): void {
  const naming = others.find(({ current }) => namedReservation(current) === retracted.developmentId);
  if (naming !== undefined) {
    throw new TreatyRuleViolation(
      'RESERVATION_NOT_FOUND',
      `developmentId: development ${naming.developmentId} (${naming.current.type} by ${partyOf(naming.current) ?? 'the treaty'}, ${naming.current.occurredOn}) names the reservation ${retracted.developmentId}, which would no longer be on record; retract or correct that development first`,
      'developmentId',
    );
  }
  if (retracted.current.type !== 'objection') return;
  // Only a withdrawal this objection answered: one of its state, of objections to the same party's reservations.
  const { party, againstParty } = retracted.current;
  const orphaned = withdrawalWithNoObjection(
    others.filter(
      ({ current }) =>
        current.type !== 'objection-withdrawn' || (current.party === party && current.againstParty === againstParty),
    ),
  );
  if (orphaned === undefined) return;
  const { current } = orphaned;
  throw new TreatyRuleViolation(
    'OBJECTION_NOT_FOUND',
    `developmentId: the withdrawal of ${current.party}'s objections to the reservations of ${current.againstParty} (${current.occurredOn}, development ${orphaned.developmentId}) would withdraw no objection on record; retract that withdrawal first`,
    'developmentId',
  );
}

function namedReservation(development: DevelopmentOnRecord['current']): string | undefined {
  switch (development.type) {
    case 'objection':
    case 'reservation-withdrawn':
      return development.reservationId;
    case 'reservation':
      return development.confirmsReservationId;
    default:
      return undefined;
  }
}
