import { describe, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  confirmedReservation,
  consented,
  objected,
  registeredMultilateral,
  reservationWithdrawn,
  reserved,
  retract,
  retracted,
  signedBy,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

const id = uuid(20);
const [reservation, objection, later] = [uuid(4), uuid(5), uuid(6)] as [string, string, string];
const objectionsWithdrawn = (developmentId: string, occurredOn: string): TreatyEvent => ({
  type: 'ObjectionWithdrawn',
  data: { treatyId: TREATY_ID, developmentId, occurredOn, source: source(), party: 'AT', againstParty: 'BE' },
});

/** Belgium's reservation (1 March), Austria's objection to it (1 July). */
const convention = [
  registeredMultilateral(),
  consented(uuid(2), 'AT', 'ratification', '2025-01-10'),
  consented(uuid(3), 'BE', 'ratification', '2025-03-01'),
  reserved(reservation, 'BE', '2025-03-01', 'On article 5'),
  objected(objection, 'AT', 'BE', '2025-07-01', reservation),
];

describe('a retraction leaves no report on record speaking of nothing', () => {
  it('keeps a reservation that an objection, a withdrawal or a confirmation names, until that is retracted', () => {
    spec
      .given(convention)
      .when(retract(id, reservation))
      .thenThrows('RESERVATION_NOT_FOUND', {
        field: 'developmentId',
        message: new RegExp(`development ${objection} \\(objection by AT, 2025-07-01\\) names the reservation`),
      });
    spec
      .given([...convention, retracted(objection)])
      .when(retract(id, reservation))
      .then(retracted(reservation));
    spec
      .given([...convention.slice(0, 4), reservationWithdrawn(later, 'BE', '2025-09-01', reservation)])
      .when(retract(id, reservation))
      .thenThrows('RESERVATION_NOT_FOUND', { message: /reservation-withdrawn by BE/ });
    const atSignature = [
      registeredMultilateral(),
      signedBy(uuid(2), 'CZ', '2024-05-01'),
      reserved(reservation, 'CZ', '2024-05-01'),
      confirmedReservation(later, 'CZ', '2025-02-01', reservation),
    ];
    spec.given(atSignature).when(retract(id, reservation)).thenThrows('RESERVATION_NOT_FOUND');
  });

  it('keeps the only objection a withdrawal of objections withdraws, until the withdrawal is retracted', () => {
    const withdrawn = [...convention, objectionsWithdrawn(later, '2025-12-01')];
    spec
      .given(withdrawn)
      .when(retract(id, objection))
      .thenThrows('OBJECTION_NOT_FOUND', {
        field: 'developmentId',
        message: new RegExp(
          `AT's objections to the reservations of BE \\(2025-12-01, development ${later}\\) would withdraw no objection`,
        ),
      });
    spec
      .given([...withdrawn, retracted(later)])
      .when(retract(id, objection))
      .then(retracted(objection));
    // Another objection of Austria's to Belgium's reservations, made by then, is still withdrawn.
    spec
      .given([...withdrawn, objected(uuid(7), 'AT', 'BE', '2025-08-01')])
      .when(retract(id, objection))
      .then(retracted(objection));
  });
});
