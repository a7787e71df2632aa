import { describe, it } from '@jest/globals';
import {
  confirmedReservation,
  consented,
  correct,
  registeredMultilateral,
  report,
  reserved,
  signedBy,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

const id = uuid(10);
const formulated = uuid(2);
const wording = 'Article 5 does not apply to Austria';
const base = (occurredOn: string) => ({ treatyId: TREATY_ID, developmentId: id, occurredOn, source: source() });
const atSignature = [
  registeredMultilateral(),
  signedBy(uuid(1), 'AT', '2025-02-01'),
  reserved(formulated, 'AT', '2025-02-01', wording),
  consented(uuid(3), 'AT', 'ratification', '2025-09-01'),
];
/** Another report of an act on record: the same source giving its date again adds nothing (decision 0040). */
const secondSource = source({ publisher: 'Der Standard', url: 'https://www.derstandard.at/1' });
const confirmation = (overrides: Record<string, unknown> = {}) =>
  report(id, {
    type: 'reservation',
    party: 'AT',
    occurredOn: '2025-09-01',
    text: wording,
    confirmsReservationId: formulated,
    ...overrides,
  });

describe('a reservation formulated at signature, confirmed on consent (VCLT art. 23(2))', () => {
  it('the confirmation names the reservation it confirms and disagrees with nothing', () => {
    spec
      .given(atSignature)
      .when(confirmation())
      .then({
        type: 'ReservationMade',
        data: { ...base('2025-09-01'), party: 'AT', text: wording, confirmsReservationId: formulated },
      });
  });

  it('needs no wording: it names the reservation', () => {
    spec
      .given(atSignature)
      .when(confirmation({ text: undefined }))
      .then({
        type: 'ReservationMade',
        data: { ...base('2025-09-01'), party: 'AT', confirmsReservationId: formulated },
      });
  });

  it('a second report of the confirmation on its day corroborates it; on another day it disagrees', () => {
    const confirmed = [...atSignature, confirmedReservation(uuid(4), 'AT', '2025-09-01', formulated)];
    spec
      .given(confirmed)
      .when(confirmation({ text: undefined, source: secondSource }))
      .then({
        type: 'DevelopmentCorroborated',
        data: { treatyId: TREATY_ID, developmentId: uuid(4), occurredOn: '2025-09-01', source: secondSource },
      });
    spec
      .given(confirmed)
      .when(confirmation({ occurredOn: '2025-09-03' }))
      .then({
        type: 'ReservationMade',
        data: {
          ...base('2025-09-03'),
          party: 'AT',
          text: wording,
          confirmsReservationId: formulated,
          disagreesWith: [uuid(4)],
        },
      });
  });

  it("confirms only a reservation of the same party on record, never another's or a confirmation", () => {
    spec
      .given(atSignature)
      .when(confirmation({ confirmsReservationId: uuid(99) }))
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'confirmsReservationId' });
    spec
      .given([...atSignature, signedBy(uuid(5), 'BE', '2025-02-01'), reserved(uuid(6), 'BE', '2025-02-01')])
      .when(confirmation({ confirmsReservationId: uuid(6) }))
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'confirmsReservationId', message: /no reservation of AT/ });
    spec
      .given([...atSignature, confirmedReservation(uuid(4), 'AT', '2025-09-01', formulated)])
      .when(confirmation({ confirmsReservationId: uuid(4) }))
      .thenThrows('RESERVATION_NOT_FOUND', { field: 'confirmsReservationId' });
  });

  it('cannot come before the reservation was formulated, also by a correction', () => {
    spec
      .given(atSignature)
      .when(confirmation({ occurredOn: '2025-01-20' }))
      .thenThrows('CONFIRMATION_BEFORE_RESERVATION', { field: 'occurredOn' });
    spec
      .given([...atSignature, confirmedReservation(uuid(4), 'AT', '2025-09-01', formulated)])
      .when(correct(id, uuid(4), { occurredOn: '2025-01-20' }))
      .thenThrows('CONFIRMATION_BEFORE_RESERVATION', { field: 'changes.occurredOn' });
  });

  it('keeps the confirmed reservation confirmable: no correction moves it after its confirmation or to another party', () => {
    const confirmed = [...atSignature, confirmedReservation(uuid(4), 'AT', '2025-09-01', formulated)];
    spec
      .given(confirmed)
      .when(correct(id, formulated, { occurredOn: '2025-09-02' }))
      .thenThrows('CONFIRMATION_BEFORE_RESERVATION', { field: 'changes.occurredOn' });
    spec
      .given([...confirmed, signedBy(uuid(5), 'BE', '2025-02-01')])
      .when(correct(id, formulated, { party: 'BE' }))
      .thenThrows('INVALID_CORRECTION', { field: 'changes.party' });
    spec
      .given(confirmed)
      .when(correct(id, formulated, { occurredOn: '2025-02-03' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: formulated,
          changes: { occurredOn: '2025-02-03' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('is a field of a reservation only, and must be a developmentId', () => {
    spec
      .given(atSignature)
      .when(confirmation({ type: 'declaration' }))
      .thenThrows('FIELD_NOT_APPLICABLE', { field: 'confirmsReservationId' });
    spec
      .given(atSignature)
      .when(confirmation({ confirmsReservationId: 'the one at signature' }))
      .thenThrows('INVALID_FIELD', { field: 'confirmsReservationId' });
  });
});
