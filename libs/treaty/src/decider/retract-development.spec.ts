import { describe, it } from '@jest/globals';
import {
  approved,
  correct,
  happened,
  ratified,
  registered,
  report,
  retract,
  retracted,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing/treaty-fixtures';

const id = uuid(10);
const signature = uuid(2);
const termination = uuid(3);

describe('RetractDevelopment', () => {
  const history = [registered(), signed(signature, '2025-01-17')];

  it('retracts a development, with a reason and a source', () => {
    spec
      .given(history)
      .when(retract(id, signature, { reason: 'Confused with the 2001 treaty' }))
      .then({
        type: 'DevelopmentRetracted',
        data: {
          treatyId: TREATY_ID,
          developmentId: signature,
          reason: 'Confused with the 2001 treaty',
          source: source(),
        },
      });
  });

  it('refuses to retract twice', () => {
    spec
      .given([...history, retracted(signature)])
      .when(retract(id, signature))
      .thenThrows('DEVELOPMENT_RETRACTED');
  });

  it('refuses a development that does not exist', () => {
    spec
      .given(history)
      .when(retract(id, uuid(99)))
      .thenThrows('DEVELOPMENT_NOT_FOUND');
  });

  it('refuses a missing development id', () => {
    spec.given(history).when(retract(id, '')).thenThrows('MISSING_FIELD', { field: 'developmentId' });
  });

  it('refuses on an unregistered treaty', () => {
    spec.given([]).when(retract(id, signature)).thenThrows('TREATY_NOT_FOUND');
  });

  it('needs a reason', () => {
    spec
      .given(history)
      .when(retract(id, signature, { reason: '' }))
      .thenThrows('MISSING_FIELD', { field: 'reason' });
  });
});

describe('after a termination', () => {
  const terminatedHistory = [
    registered(),
    signed(signature, '2025-01-17'),
    ratified(uuid(4), 'RU', '2025-04-21'),
    happened('TreatyTerminated', termination, '2025-11'),
  ];

  it.each([
    ['ratification-completed', { party: 'IR', occurredOn: '2025-12-01' }],
    ['entered-into-force', { occurredOn: '2025-11-20' }],
    ['terminated', { occurredOn: '2025-11' }],
  ])('refuses a new report (%s) not dated before the termination', (type, fields) => {
    spec
      .given(terminatedHistory)
      .when(report(id, { type, ...fields }))
      .thenThrows('TREATY_TERMINATED', { message: /only corrections and retractions/ });
  });

  it('accepts a retraction of another development', () => {
    spec
      .given(terminatedHistory)
      .when(retract(id, uuid(4)))
      .then({
        type: 'DevelopmentRetracted',
        data: { treatyId: TREATY_ID, developmentId: uuid(4), reason: 'Report was unfounded', source: source() },
      });
  });

  it('accepts a correction', () => {
    spec
      .given(terminatedHistory)
      .when(correct(id, uuid(4), { occurredOn: '2025-04-22' }))
      .then({
        type: 'DevelopmentCorrected',
        data: {
          treatyId: TREATY_ID,
          developmentId: uuid(4),
          changes: { occurredOn: '2025-04-22' },
          reason: 'Misread the date',
          source: source(),
        },
      });
  });

  it('accepts a legal act dated before the termination: a backfill of what came before its end', () => {
    spec
      .given(terminatedHistory)
      .when(report(id, { type: 'legislative-approval', party: 'IR', body: 'Majlis', occurredOn: '2025-05-21' }))
      .then(approved(id, 'IR', 'Majlis', '2025-05-21'));
  });

  it('retracting the termination lifts it', () => {
    spec
      .given([...terminatedHistory, retracted(termination)])
      .when(report(id, { type: 'legislative-approval', party: 'IR', body: 'Majlis', occurredOn: '2025-12-01' }))
      .then(approved(id, 'IR', 'Majlis', '2025-12-01'));
  });

  it('a second termination report on record keeps it terminated after one is retracted', () => {
    spec
      .given([
        ...terminatedHistory,
        happened('TreatyTerminated', uuid(5), '2025-09', { disagreesWith: [termination] }),
        retracted(termination),
      ])
      .when(report(id, { type: 'entered-into-force', occurredOn: '2025-10-02' }))
      .thenThrows('TREATY_TERMINATED');
  });
});
