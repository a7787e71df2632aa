import { describe, expect, it } from '@jest/globals';
import type { TreatyEvent } from '../treaty.events';
import {
  consented,
  happened,
  recorded,
  registered,
  registeredMultilateral,
  source,
  uuid,
  withdrawalNotified,
  withdrawalRevoked,
  statusOf,
} from '../testing';
import { foldTreatyHistory } from './treaty-history';
import { treatyStatusSummaryOf } from './treaty-status-summary';
import { treatyTimelineView } from './treaty-timeline.view';

const unhcr = source({ publisher: 'UN Secretary-General', publishedOn: '2017-02-16', document: 'C.N.62.2017' });

/**
 * The Gambia and the Rome Statute: acceded in 2002 (in force for it by the clause), notified its withdrawal on 10
 * November 2016 (a year's notice: effective 10 November 2017), revoked the notice on 10 February 2017.
 */
const bound = [
  registeredMultilateral({ withdrawalNoticeDays: 365 }),
  consented(uuid(1), 'AT', 'ratification', '2002-04-11'),
  consented(uuid(2), 'BE', 'ratification', '2002-04-11'),
  consented(uuid(3), 'GM', 'accession', '2002-06-28'),
];
const notified = [...bound, withdrawalNotified(uuid(4), 'GM', '2016-11-10')];
const revoked = [...notified, withdrawalRevoked(uuid(5), 'GM', '2017-02-10', { source: unhcr })];

describe('a notice of withdrawal revoked before it took effect (VCLT art. 68)', () => {
  it('leaves the party bound as if the notice had never been given', () => {
    const never = statusOf(bound).ratification['GM']!;
    const gambia = statusOf(revoked).ratification['GM']!;
    expect(gambia).toMatchObject({
      withdrawn: false,
      withdrewOn: null,
      withdrawalNotifiedOn: null,
      withdrawalEffectiveOn: null,
      withdrawalEffectiveOnComputed: false,
      inForceOn: never.inForceOn,
      consent: never.consent,
    });
    expect(never.inForceOn).toBe('2002-07-28');
    expect(statusOf(revoked, '2018-01-01').ratification['GM']).toMatchObject({ withdrawn: false, withdrewOn: null });
    expect(statusOf(revoked).status).toBe('in-force');
    // Without the revocation, the same record has the party leave when the notice period runs out.
    expect(statusOf(notified).ratification['GM']).toMatchObject({
      withdrawn: true,
      withdrewOn: '2017-11-10',
      withdrawalNotifiedOn: '2016-11-10',
    });
  });

  it('as of a day between the notice and its revocation, the party is withdrawing', () => {
    expect(statusOf(revoked, '2016-12-01').ratification['GM']).toMatchObject({
      withdrawn: false,
      withdrawalNotifiedOn: '2016-11-10',
      withdrawalEffectiveOn: '2017-11-10',
      withdrawalEffectiveOnComputed: true,
    });
  });

  it("keeps the notice and its revocation among the party's steps and in the timeline, with their sources", () => {
    const steps = statusOf(revoked).ratification['GM']!.steps;
    expect(steps.map(({ type, occurredOn }) => [type, occurredOn])).toEqual([
      ['consent-to-be-bound', '2002-06-28'],
      ['withdrawal-notified', '2016-11-10'],
      ['withdrawal-revoked', '2017-02-10'],
    ]);
    expect(steps[2]!.sources).toEqual([expect.objectContaining({ publisher: 'UN Secretary-General' })]);
    const timeline = treatyTimelineView(recorded(revoked));
    const items = timeline!.items.filter((item) => 'party' in item && item.party === 'GM');
    expect(items.map((item) => item.type)).toEqual([
      'consent-to-be-bound',
      'withdrawal-notified',
      'withdrawal-revoked',
    ]);
  });

  it('a notice given after the revocation runs again from its own date', () => {
    const again = [...revoked, withdrawalNotified(uuid(6), 'GM', '2019-03-01')];
    expect(statusOf(again).ratification['GM']).toMatchObject({
      withdrawn: true,
      withdrawalNotifiedOn: '2019-03-01',
      withdrewOn: '2020-02-29',
    });
    expect(statusOf(again).disagreements).toEqual([]);
  });
});

/** A bilateral treaty in force since 2025-03-01, with a year's notice of withdrawal. */
const bilateral: TreatyEvent[] = [
  registered({ kind: 'bilateral', withdrawalNoticeDays: 365 }),
  consented(uuid(2), 'RU', 'ratification', '2025-01-20'),
  consented(uuid(3), 'IR', 'ratification', '2025-02-10'),
  happened('TreatyEnteredIntoForce', uuid(4), '2025-03-01'),
  withdrawalNotified(uuid(5), 'IR', '2025-06-10'),
];

describe('a bilateral treaty whose only notice of withdrawal was revoked', () => {
  it('does not end, in the status and in the summary listings filter on', () => {
    expect(statusOf(bilateral)).toMatchObject({ status: 'terminated', terminatedOn: '2026-06-10' });
    const events = [...bilateral, withdrawalRevoked(uuid(6), 'IR', '2025-09-01')];
    expect(statusOf(events)).toMatchObject({
      status: 'in-force',
      terminatedOn: null,
      terminatedOnExpected: null,
    });
    const summary = treatyStatusSummaryOf(foldTreatyHistory(recorded(events), null)!);
    expect(summary).toMatchObject({ status: 'in-force', ahead: [] });
  });
});
