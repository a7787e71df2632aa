import { describe, it } from '@jest/globals';
import type { DevelopmentChanges, Source } from '../treaty.events';
import {
  approved,
  correct,
  corrected,
  happened,
  ratified,
  registered,
  retracted,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing/treaty-fixtures';

const id = uuid(10);
const signature = uuid(2);
const approval = uuid(3);
const gazette: Source = { publisher: 'Official Gazette', document: 'Law No. 12-FZ', publishedOn: '2025-04-22' };

function correctedEvent(developmentId: string, changes: DevelopmentChanges) {
  return {
    type: 'DevelopmentCorrected' as const,
    data: { treatyId: TREATY_ID, developmentId, changes, reason: 'Misread the date', source: gazette },
  };
}

describe('CorrectDevelopment', () => {
  const history = [registered(), signed(signature, '2025-01-17'), approved(approval, 'RU', 'State Duma', '2025-04-08')];

  it('records the changes, the reason and the source, aimed at the development', () => {
    spec
      .given(history)
      .when(correct(id, approval, { occurredOn: '2025-04-09', votes: { for: 400 } }, { source: gazette }))
      .then(correctedEvent(approval, { occurredOn: '2025-04-09', votes: { for: 400 } }));
  });

  it('may clear an optional field with null', () => {
    spec
      .given([registered(), signed(signature, '2025-01-17', { place: 'Tehran' })])
      .when(correct(id, signature, { place: null }, { source: gazette }))
      .then(correctedEvent(signature, { place: null }));
  });

  it('applies several corrections in order: the latest value of a field wins', () => {
    spec
      .given([
        ...history,
        corrected(approval, { occurredOn: '2025-04-09' }),
        corrected(approval, { occurredOn: '2025-04-10' }),
      ])
      .when(correct(id, approval, { occurredOn: '2025-04-10' }))
      .thenThrows('EMPTY_CORRECTION', { message: /as it is on record/ });
  });

  describe('never makes a development a second record of another (DEVELOPMENT_ALREADY_ON_RECORD)', () => {
    const disagreeing = uuid(4);
    const twoReports = [
      ...history,
      approved(disagreeing, 'RU', 'State Duma', '2025-04-09', { disagreesWith: [approval] }),
    ];

    it("a disagreeing report corrected onto the other's date: retract it instead", () => {
      spec
        .given(twoReports)
        .when(correct(id, disagreeing, { occurredOn: '2025-04-08' }, { source: gazette }))
        .thenThrows('DEVELOPMENT_ALREADY_ON_RECORD', {
          field: 'changes',
          message: new RegExp(
            `${disagreeing} would be a second record of development ${approval}.*retract ${disagreeing}`,
          ),
        });
      spec
        .given(twoReports)
        .when(correct(id, disagreeing, { occurredOn: '2025-04' }, { source: gazette }))
        .thenThrows('DEVELOPMENT_ALREADY_ON_RECORD');
    });

    it('a vote moved to the chamber whose vote on that day is on record', () => {
      spec
        .given([...history, approved(uuid(5), 'RU', 'Federation Council', '2025-04-08')])
        .when(correct(id, uuid(5), { body: 'state duma' }, { source: gazette }))
        .thenThrows('DEVELOPMENT_ALREADY_ON_RECORD');
    });

    it('an act that recurs, moved onto the day of another occurrence: a report of that day would corroborate it', () => {
      spec
        .given([
          ...history,
          happened('TreatySuspended', uuid(5), '2025-05-01'),
          happened('TreatySuspended', uuid(6), '2025-07-01'),
        ])
        .when(correct(id, uuid(6), { occurredOn: '2025-05-01' }, { source: gazette }))
        .thenThrows('DEVELOPMENT_ALREADY_ON_RECORD', {
          message: new RegExp(`second record of development ${uuid(5)}`),
        });
    });

    it('but a correction that keeps the reports apart, or meets a retracted one, is recorded', () => {
      spec
        .given(twoReports)
        .when(correct(id, disagreeing, { occurredOn: '2025-04-10' }, { source: gazette }))
        .then(correctedEvent(disagreeing, { occurredOn: '2025-04-10' }));
      spec
        .given([...twoReports, retracted(approval)])
        .when(correct(id, disagreeing, { occurredOn: '2025-04-08' }, { source: gazette }))
        .then(correctedEvent(disagreeing, { occurredOn: '2025-04-08' }));
    });
  });

  it('is accepted after the treaty was terminated', () => {
    spec
      .given([...history, happened('TreatyTerminated', uuid(4), '2025-11')])
      .when(correct(id, uuid(4), { occurredOn: '2025-11-03' }, { source: gazette }))
      .then(correctedEvent(uuid(4), { occurredOn: '2025-11-03' }));
  });

  it('refuses a development that does not exist', () => {
    spec
      .given(history)
      .when(correct(id, uuid(99), { occurredOn: '2025-04-09' }))
      .thenThrows('DEVELOPMENT_NOT_FOUND', { field: 'developmentId' });
  });

  it('refuses a corroboration id: only developments are corrected', () => {
    spec
      .given([
        ...history,
        {
          type: 'DevelopmentCorroborated',
          data: { treatyId: TREATY_ID, developmentId: approval, occurredOn: '2025-04-08', source: gazette },
        },
      ])
      .when(correct(id, uuid(9000), { occurredOn: '2025-04-09' }))
      .thenThrows('DEVELOPMENT_NOT_FOUND');
  });

  it('refuses a retracted development', () => {
    spec
      .given([...history, retracted(approval)])
      .when(correct(id, approval, { occurredOn: '2025-04-09' }))
      .thenThrows('DEVELOPMENT_RETRACTED', { field: 'developmentId' });
  });

  it('refuses on an unregistered treaty', () => {
    spec
      .given([])
      .when(correct(id, approval, { occurredOn: '2025-04-09' }))
      .thenThrows('TREATY_NOT_FOUND');
  });

  it.each([{}, { occurredOn: undefined }, undefined])('refuses changes %j that name nothing', (changes) => {
    spec
      .given(history)
      .when(correct(id, approval, changes as DevelopmentChanges))
      .thenThrows('EMPTY_CORRECTION', { field: 'changes' });
  });

  it('refuses changes that leave the development as it is', () => {
    spec
      .given(history)
      .when(correct(id, approval, { body: 'State Duma', occurredOn: '2025-04-08' }))
      .thenThrows('EMPTY_CORRECTION');
  });

  it.each([
    [{ type: 'ratification-completed' }, 'changes.type'],
    [{ source: source() }, 'changes.source'],
    [{ place: 'Moscow' }, 'changes.place'],
    [{ signatories: ['A'] }, 'changes.signatories'],
    [{ comment: 'x' }, 'changes.comment'],
    [{ party: null }, 'changes.party'],
    [{ occurredOn: null }, 'changes.occurredOn'],
  ])('refuses %j on an approval', (changes, field) => {
    spec
      .given(history)
      .when(correct(id, approval, changes as DevelopmentChanges))
      .thenThrows('INVALID_CORRECTION', { field });
  });

  it.each([
    [signature, { party: 'RU' }],
    [signature, { votes: { for: 1 } }],
    [uuid(4), { party: 'IR' }],
  ])('refuses a field the type does not have (%s, %j)', (developmentId, changes) => {
    spec
      .given([...history, happened('TreatyEnteredIntoForce', uuid(4), '2025-10')])
      .when(correct(id, developmentId, changes))
      .thenThrows('INVALID_CORRECTION');
  });

  it('checks the new values like a report', () => {
    spec
      .given(history)
      .when(correct(id, approval, { occurredOn: '2025-02-30' }))
      .thenThrows('INVALID_DATE', { field: 'changes.occurredOn' });
  });

  it('needs a reason and a source', () => {
    spec
      .given(history)
      .when(correct(id, approval, { occurredOn: '2025-04-09' }, { reason: ' ' }))
      .thenThrows('MISSING_FIELD', { field: 'reason' });
    spec
      .given(history)
      .when(correct(id, approval, { occurredOn: '2025-04-09' }, { source: undefined as never }))
      .thenThrows('MISSING_FIELD', { field: 'source' });
    spec
      .given(history)
      .when(correct(id, approval, { occurredOn: '2025-04-09' }, { source: source({ publishedOn: '2026-01-01' }) }))
      .thenThrows('DATE_IN_FUTURE', { field: 'source.publishedOn' });
  });

  describe('the corrected development must still obey the rules', () => {
    it('its party must be a party of the treaty', () => {
      spec
        .given(history)
        .when(correct(id, approval, { party: 'CN' }))
        .thenThrows('PARTY_NOT_IN_TREATY', { field: 'changes.party' });
    });

    it('it must not be dated in the future', () => {
      spec
        .given(history)
        .when(correct(id, approval, { occurredOn: '2026-01' }))
        .thenThrows('DATE_IN_FUTURE', { field: 'changes.occurredOn' });
    });

    it('an approval must not move before the signature', () => {
      spec
        .given(history)
        .when(correct(id, approval, { occurredOn: '2025-01-10' }))
        .thenThrows('DATE_BEFORE_SIGNATURE', { field: 'changes.occurredOn' });
    });

    it('a signature must not move after an approval', () => {
      spec
        .given(history)
        .when(correct(id, signature, { occurredOn: '2025-05' }))
        .thenThrows('SIGNATURE_AFTER_DEVELOPMENT', { field: 'changes.occurredOn' });
    });

    it('a signature may move within the bounds the record sets', () => {
      spec
        .given([...history, ratified(uuid(5), 'IR', '2025-05-21')])
        .when(correct(id, signature, { occurredOn: '2025-04' }, { source: gazette }))
        .then(correctedEvent(signature, { occurredOn: '2025-04' }));
    });
  });
});
