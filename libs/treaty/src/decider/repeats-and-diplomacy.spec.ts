import { describe, expect, it } from '@jest/globals';
import { foldTreaty } from './treaty.decider';
import {
  approved,
  corroborated,
  happened,
  negotiations,
  registered,
  report,
  scoped,
  signed,
  source,
  spec,
  TREATY_ID,
  uuid,
} from '../testing';

const id = uuid(10);
const base = (occurredOn: string) => ({ treatyId: TREATY_ID, developmentId: id, occurredOn, source: source() });
const kcna = source({ publisher: 'KCNA', url: 'https://kcna.kp/1', publishedOn: '2024-06-20' });
const kcnaInJuly = source({ publisher: 'KCNA', url: 'https://kcna.kp/2', publishedOn: '2025-07-01' });

describe('identity that allows repeats', () => {
  it('a second suspension is a new development, not a disagreement', () => {
    spec
      .given([
        registered(),
        scoped('TreatySuspended', uuid(2), '2025-02-01'),
        scoped('TreatyResumed', uuid(3), '2025-03-01'),
      ])
      .when(report(id, { type: 'suspended', occurredOn: '2025-06-01' }))
      .then({ type: 'TreatySuspended', data: base('2025-06-01') });
  });

  it('a report of a suspension already on record still corroborates it', () => {
    spec
      .given([registered(), scoped('TreatySuspended', uuid(2), '2025-02-01')])
      .when(report(id, { type: 'suspended', occurredOn: '2025-02', source: kcna }))
      .then(corroborated(uuid(2), '2025-02', kcna));
  });

  it("one party's suspension is not the treaty's", () => {
    spec
      .given([registered(), scoped('TreatySuspended', uuid(2), '2025-02-01')])
      .when(report(id, { type: 'suspended', party: 'IR', occurredOn: '2025-02-01' }))
      .then({ type: 'TreatySuspended', data: { ...base('2025-02-01'), party: 'IR' } });
  });

  it('another round of talks is a new development', () => {
    spec
      .given([registered(), negotiations(uuid(2), 'held', ['RU', 'IR'], '2024-09')])
      .when(report(id, { type: 'negotiations', stage: 'held', participants: ['IR', 'RU'], occurredOn: '2024-11-05' }))
      .then({
        type: 'NegotiationsReported',
        data: { ...base('2024-11-05'), stage: 'held', participants: ['IR', 'RU'] },
      });
  });
});

describe('a finer report refines', () => {
  const coarse = [registered(), signed(uuid(2), '2024')];

  it('a finer date inside the recorded period corroborates and narrows it; both sources stay', () => {
    spec
      .given(coarse)
      .when(report(id, { type: 'signed', occurredOn: '2024-06', source: kcna }))
      .then(corroborated(uuid(2), '2024-06', kcna));
    const state = foldTreaty([...coarse, corroborated(uuid(2), '2024-06', kcna)]);
    expect(state.status === 'active' && state.developments[0]).toMatchObject({
      current: { type: 'signed', occurredOn: '2024-06' },
      reported: { type: 'signed', occurredOn: '2024' },
      sources: [source(), kcna],
    });
  });

  it('the narrowed date is the one later reports are held to', () => {
    spec
      .given([...coarse, corroborated(uuid(2), '2024-06', kcna)])
      .when(report(id, { type: 'legislative-approval', party: 'RU', body: 'State Duma', occurredOn: '2024-03' }))
      .thenThrows('DATE_BEFORE_SIGNATURE', { field: 'occurredOn', message: /2024-06/ });
  });

  it('a coarser report does not widen a finer date', () => {
    const state = foldTreaty([registered(), signed(uuid(2), '2024-06-19'), corroborated(uuid(2), '2024', kcna)]);
    expect(state.status === 'active' && state.developments[0]?.current.occurredOn).toBe('2024-06-19');
  });

  it('a date outside the period stays a disagreement', () => {
    spec
      .given(coarse)
      .when(report(id, { type: 'signed', occurredOn: '2025-06', source: kcnaInJuly }))
      .then({ type: 'TreatySigned', data: { ...base('2025-06'), source: kcnaInJuly, disagreesWith: [uuid(2)] } });
  });
});

describe('the diplomacy around treaties', () => {
  it('a statement keeps its speaker and the quote verbatim, and may link further treaties and parties', () => {
    const quote = '  The treaty is "not directed against third countries".';
    spec
      .given([registered()])
      .when(
        report(id, {
          type: 'statement',
          speaker: 'Sergei Lavrov',
          quote,
          occurredOn: '2025-01-17',
          treaties: ['ru-kp-partnership'],
          parties: ['RU'],
        }),
      )
      .then({
        type: 'StatementMade',
        data: {
          ...base('2025-01-17'),
          speaker: 'Sergei Lavrov',
          quote,
          treaties: ['ru-kp-partnership'],
          parties: ['RU'],
        },
      });
  });

  it.each([
    ['statement', { quote: 'x' }, 'MISSING_FIELD', 'speaker'],
    ['statement', { speaker: 'Lavrov' }, 'MISSING_FIELD', 'quote'],
    ['negotiations', { participants: ['RU'] }, 'MISSING_FIELD', 'stage'],
    ['negotiations', { stage: 'postponed', participants: ['RU'] }, 'INVALID_FIELD', 'stage'],
    ['negotiations', { stage: 'held' }, 'MISSING_FIELD', 'participants'],
    ['context', {}, 'MISSING_FIELD', 'summary'],
    ['context', { summary: 'War', treaties: ['Not A Slug'] }, 'INVALID_TREATY_ID', 'treaties[0]'],
    ['context', { summary: 'War', treaties: [TREATY_ID] }, 'INVALID_FIELD', 'treaties'],
    ['context', { summary: 'War', party: 'RU' }, 'FIELD_NOT_APPLICABLE', 'party'],
  ])('a %s needs its fields (%j: %s %s)', (type, fields, code, field) => {
    spec
      .given([registered()])
      .when(report(id, { type, occurredOn: '2025-01-17', ...fields }))
      .thenThrows(code, { field });
  });

  it('is still accepted after a termination, while legal acts are not', () => {
    const terminated = [registered(), happened('TreatyTerminated', uuid(2), '2025-03-01')];
    spec
      .given(terminated)
      .when(report(id, { type: 'context', summary: 'Talks on a successor treaty began', occurredOn: '2025-04-01' }))
      .then({ type: 'ContextReported', data: { ...base('2025-04-01'), summary: 'Talks on a successor treaty began' } });
    spec
      .given(terminated)
      .when(report(id, { type: 'reservation', party: 'RU', occurredOn: '2025-04-01' }))
      .thenThrows('TREATY_TERMINATED');
  });

  it('is not bounded by the signature: talks come before it', () => {
    spec
      .given([registered(), signed(uuid(2), '2025-01-17'), approved(uuid(3), 'RU', 'State Duma', '2025-04-08')])
      .when(report(id, { type: 'negotiations', stage: 'announced', participants: ['RU', 'IR'], occurredOn: '2022' }))
      .then({
        type: 'NegotiationsReported',
        data: { ...base('2022'), stage: 'announced', participants: ['RU', 'IR'] },
      });
  });
});
