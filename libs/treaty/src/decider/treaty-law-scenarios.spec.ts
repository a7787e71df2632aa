import { describe, it } from '@jest/globals';
import {
  consented,
  correct,
  happened,
  objected,
  registeredMultilateral,
  report,
  reserved,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

/**
 * What the decider lets into the record, held against the law of treaties (VCLT 1969): histories a depositary could
 * not have notified are refused, whatever order the reports and their corrections come in.
 */

const id = uuid(10);
const base = (occurredOn: string) => ({ treatyId: TREATY_ID, developmentId: id, occurredOn, source: source() });

/** A convention signed in 2020; AT ratified on 1 March 2021; its parties terminated it on 1 January 2022. */
const terminated = [
  registeredMultilateral(),
  signed(uuid(1), '2020-01-01'),
  consented(uuid(2), 'AT', 'ratification', '2021-03-01'),
  happened('TreatyTerminated', uuid(3), '2022-01-01'),
];

describe('the end of a treaty bounds the acts under it, reported or corrected', () => {
  it('a ratification is not corrected to a day after the termination', () => {
    spec
      .given(terminated)
      .when(correct(id, uuid(2), { occurredOn: '2022-03-01' }))
      .thenThrows('TREATY_TERMINATED', { field: 'changes.occurredOn', message: /terminated on 2022-01-01/ });
    // Nor to a month that may have come after it began.
    spec
      .given(terminated)
      .when(correct(id, uuid(2), { occurredOn: '2022-01' }))
      .thenThrows('TREATY_TERMINATED', { field: 'changes.occurredOn' });
  });

  it('a ratification corrected to another day before the end is a correction like any other', () => {
    spec
      .given(terminated)
      .when(correct(id, uuid(2), { occurredOn: '2021-04-01' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: uuid(2),
          changes: { occurredOn: '2021-04-01' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('a termination is not dated before an act on record that came after it, by report or correction', () => {
    const ratified = terminated.slice(0, 3);
    spec
      .given(ratified)
      .when(report(id, { type: 'terminated', occurredOn: '2020-06-01' }))
      .thenThrows('TREATY_TERMINATED', { field: 'occurredOn', message: /consent-to-be-bound on record \(2021-03-01/ });
    spec
      .given(terminated)
      .when(correct(id, uuid(3), { occurredOn: '2020-06-01' }))
      .thenThrows('TREATY_TERMINATED', { field: 'changes.occurredOn' });
    // One of the act's month may have come after it: reports come in any order, and the record does not contradict itself.
    spec
      .given(ratified)
      .when(report(id, { type: 'terminated', occurredOn: '2021-03' }))
      .then({ type: 'TreatyTerminated', data: base('2021-03') });
  });
});

describe('an objection is withdrawn after it is made (VCLT art. 22(2))', () => {
  const objection = [
    registeredMultilateral(),
    consented(uuid(1), 'AT', 'ratification', '2021-01-01'),
    reserved(uuid(2), 'AT', '2021-01-01', 'Article 9 does not apply to Austria'),
    objected(uuid(3), 'BE', 'AT', '2021-06-01'),
  ];

  it('a withdrawal dated before every objection of the state to those reservations withdraws none, and is refused', () => {
    spec
      .given(objection)
      .when(report(id, { type: 'objection-withdrawn', party: 'BE', againstParty: 'AT', occurredOn: '2021-03-01' }))
      .thenThrows('OBJECTION_NOT_FOUND', { field: 'occurredOn', message: /first made on 2021-06-01/ });
  });

  it('one on or after the objection, or of its month, is recorded', () => {
    spec
      .given(objection)
      .when(report(id, { type: 'objection-withdrawn', party: 'BE', againstParty: 'AT', occurredOn: '2021-06' }))
      .then({ type: 'ObjectionWithdrawn', data: { ...base('2021-06'), party: 'BE', againstParty: 'AT' } });
  });

  it('nor is the objection corrected to a day after its withdrawal, or to another state', () => {
    const withdrawn = [
      ...objection,
      {
        type: 'ObjectionWithdrawn',
        data: { ...base('2022-02-01'), developmentId: uuid(4), party: 'BE', againstParty: 'AT' },
      } as const,
    ];
    spec
      .given(withdrawn)
      .when(correct(id, uuid(3), { occurredOn: '2022-03-01' }))
      .thenThrows('OBJECTION_NOT_FOUND', { field: 'changes.occurredOn', message: /\(2022-02-01, development/ });
    spec
      .given(withdrawn)
      .when(correct(id, uuid(3), { party: 'CZ' }))
      .thenThrows('OBJECTION_NOT_FOUND', { field: 'changes.party' });
    // Moved to another day before the withdrawal, it is corrected.
    spec
      .given(withdrawn)
      .when(correct(id, uuid(3), { occurredOn: '2021-07-01' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: uuid(3),
          changes: { occurredOn: '2021-07-01' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('nor is a withdrawal corrected to a day before the objection', () => {
    spec
      .given([
        ...objection,
        {
          type: 'ObjectionWithdrawn',
          data: { ...base('2022-02-01'), developmentId: uuid(4), party: 'BE', againstParty: 'AT' },
        },
      ])
      .when(correct(id, uuid(4), { occurredOn: '2021-05-31' }))
      .thenThrows('OBJECTION_NOT_FOUND', { field: 'changes.occurredOn' });
  });
});
