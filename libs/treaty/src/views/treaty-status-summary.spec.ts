import { describe, expect, it } from '@jest/globals';
import { CONSENT_TYPES } from '../law/treaty-law.vocabulary';
import type { TreatyEvent } from '../treaty.events';
import {
  approved,
  consented,
  context,
  corrected,
  corroborated,
  eventfulLife,
  happened,
  objected,
  ratified,
  recorded,
  registered,
  registeredMultilateral,
  reserved,
  retracted,
  scoped,
  signed,
  signedBy,
  source,
  statement,
  TODAY,
  uuid,
  withdrawalNotified,
  withdrew,
} from '../testing';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import { partiesOnceNamed } from './parties-once-named';
import { foldTreatyHistory, TreatyHistoryFold } from './treaty-history';
import { statusOn, treatyStatusSummaryAfter, type TreatyStatusSummary } from './treaty-status-summary';
import { addDays } from '../partial-date';
import { treatyStatusView } from './treaty-status.view';

/** Folds `stream` in batches of the given sizes, keeping the summary as the projection does. */
function summariesAlong(stream: readonly TreatyEventEnvelope[], batchSizes: () => number) {
  const fold = new TreatyHistoryFold();
  const seen: { upTo: number; summary: TreatyStatusSummary }[] = [];
  let summary: TreatyStatusSummary | null = null;
  for (let start = 0; start < stream.length;) {
    const added = stream.slice(start, start + batchSizes());
    for (const envelope of added) fold.add(envelope);
    start += added.length;
    const history = fold.history();
    if (history === null) continue;
    summary = treatyStatusSummaryAfter(summary, history, added);
    seen.push({ upTo: start, summary });
  }
  return seen;
}

function expectSummaryToMatchView(stream: readonly TreatyEventEnvelope[], batchSizes: () => number = () => 1) {
  for (const { upTo, summary } of summariesAlong(stream, batchSizes)) {
    const view = treatyStatusView(stream.slice(0, upTo), { today: TODAY })!;
    const ratification = Object.fromEntries(Object.entries(view.ratification).map(([p, r]) => [p, r.status]));
    // Today, and each day ahead and the day before it: the present's view on that day has the summary's status.
    const days = [TODAY, ...summary.ahead.flatMap(({ on }) => [addDays(on, -1), on])];
    expect({ upTo, statuses: days.map((day) => statusOn(summary, day)) }).toEqual({
      upTo,
      statuses: days.map((day) => treatyStatusView(stream.slice(0, upTo), { today: day })!.status),
    });
    expect({ upTo, ...summary, ratification: Object.fromEntries(summary.ratification) }).toEqual({
      upTo,
      status: summary.status,
      ahead: summary.ahead,
      category: view.category,
      parties: view.parties,
      partiesOnceNamed: partiesOnceNamed(foldTreatyHistory(stream.slice(0, upTo), null)!),
      ratification,
      revision: view.revision,
    });
  }
}

/** A small deterministic generator (mulberry32), so that a failing history can be made again from its seed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTIES = ['AT', 'BE', 'CZ', 'DK', 'EE', 'FI', 'GE'];
const DATES = ['2024', '2025-03', '2025-03-10', '2025-04-08', '2025-05', '2025-06-01', '2025-09-30', '2026-01-02'];

/**
 * Any sequence the fold takes, not only those the decider would accept: every kind of development, for original
 * parties and others, corroborations, corrections (of date and party) and retractions of earlier developments.
 */
function generatedHistory(seed: number, length: number): TreatyEvent[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const events: TreatyEvent[] = [
    pick([registeredMultilateral(), registered(), registered({ kind: 'bilateral', parties: ['AT', 'BE'] })]),
  ];
  const ids: string[] = [];
  for (let n = 1; n < length; n++) {
    const id = uuid(seed * 1000 + n);
    const party = pick(PARTIES);
    const on = pick(DATES);
    const makers: (() => TreatyEvent)[] = [
      () => approved(id, party, `Chamber ${n}`, on),
      () => approved(id, party, `Chamber ${n}`, on),
      () => approved(id, party, `Chamber ${n}`, on),
      () => signedBy(id, party, on),
      () => consented(id, party, pick(CONSENT_TYPES), on),
      () => ratified(id, party, on),
      () => withdrew(id, party, on),
      () => withdrawalNotified(id, party, on, next() < 0.5 ? '2026-06-01' : undefined),
      () => reserved(id, party, on),
      () => objected(id, party, pick(PARTIES), on),
      () => statement(id, 'A minister', `Quote ${n}`, on),
      () => context(id, `Context ${n}`, on),
      () => happened(pick(['InstrumentsExchanged', 'TreatyEnteredIntoForce', 'TreatyTerminated'] as const), id, on),
      () =>
        scoped(
          pick([
            'TreatySuspended',
            'TreatyResumed',
            'TreatyEnteredIntoForce',
            'ProvisionalApplicationStarted',
          ] as const),
          id,
          on,
          next() < 0.5 ? party : undefined,
        ),
    ];
    const target = ids.length > 0 ? pick(ids) : undefined;
    const roll = next();
    if (target !== undefined && roll < 0.08) events.push(corrected(target, { occurredOn: on }));
    else if (target !== undefined && roll < 0.12) events.push(corrected(target, { party }));
    else if (target !== undefined && roll < 0.17) events.push(retracted(target));
    else if (target !== undefined && roll < 0.22) events.push(corroboration(target, on, next() < 0.5));
    else {
      events.push(pick(makers)());
      ids.push(id);
    }
  }
  return events;
}

/** A corroboration; `naming` a decisive reading, as a report of a vote's third reading does (decision 0023). */
function corroboration(target: string, on: string, naming: boolean): TreatyEvent {
  const event = corroborated(target, on, source({ publisher: 'IRNA' }));
  if (!naming || event.type !== 'DevelopmentCorroborated') return event;
  return { ...event, data: { ...event.data, stage: 'third-reading' } };
}

describe('treatyStatusSummaryAfter', () => {
  it('says what the status view says after every event of a whole life', () => {
    expectSummaryToMatchView(recorded(eventfulLife()));
  });

  it('says what the status view says over generated histories, one event at a time and in batches', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const stream = recorded(generatedHistory(seed, 40));
      expectSummaryToMatchView(stream);
      const sizes = random(seed + 7);
      expectSummaryToMatchView(stream, () => 1 + Math.floor(sizes() * 4));
    }
  });

  it('follows an exchange of instruments, which brings a treaty without a clause into force (decision 0079)', () => {
    const events: TreatyEvent[] = [
      registered({ kind: 'bilateral' }),
      ratified(uuid(1), 'RU', '2025-04-21'),
      ratified(uuid(2), 'IR', '2025-09-20'),
      happened('InstrumentsExchanged', uuid(3), '2025-10-02'),
    ];
    expectSummaryToMatchView(recorded(events));
    const last = summariesAlong(recorded(events), () => 1).at(-1)!.summary;
    expect(statusOn(last, TODAY)).toBe('in-force');
  });

  it('follows a provisional application reported after a suspension, which then suspends it (decision 0085)', () => {
    const events: TreatyEvent[] = [
      registered(),
      signed(uuid(1), '2025-01-17'),
      happened('TreatySuspended', uuid(2), '2025-03-01'),
      scoped('ProvisionalApplicationStarted', uuid(3), '2025-02-01', 'RU'),
      scoped('ProvisionalApplicationEnded', uuid(4), '2025-02-15', 'RU'),
    ];
    const seen = summariesAlong(recorded(events), () => 1);
    expect(seen.map(({ summary }) => summary.status).slice(-3)).toEqual(['signed', 'suspended', 'signed']);
    expectSummaryToMatchView(recorded(events));
  });

  it('keeps the summary through further approvals of a party already under way', () => {
    const events: TreatyEvent[] = [registered(), approved(uuid(1), 'RU', 'State Duma', '2025-04-08')];
    for (let n = 2; n < 200; n++) events.push(approved(uuid(n), n % 2 ? 'RU' : 'IR', `Chamber ${n}`, '2025-04-08'));
    const seen = summariesAlong(recorded(events), () => 1);
    expectSummaryToMatchView(recorded(events));
    // Kept, not computed again: the parties' list is the same object from the third event on.
    expect(new Set(seen.slice(2).map(({ summary }) => summary.parties)).size).toBe(1);
  });

  it('computes the summary again when the last party yet to ratify withdraws: the treaty then will not enter into force', () => {
    // Rare in generated histories, so named here: a withdrawal moves no party's own status, only the treaty's.
    const events: TreatyEvent[] = [
      registered(),
      signed(uuid(1), '2025-01-17'),
      ratified(uuid(2), 'RU', '2025-04-21'),
      approved(uuid(3), 'IR', 'Majlis', '2025-05-21'),
      withdrew(uuid(4), 'IR', '2025-06-01'),
    ];
    const seen = summariesAlong(recorded(events), () => 1);
    expect(seen.map(({ summary }) => summary.status).slice(-2)).toEqual([
      'ratification-in-progress',
      'will-not-enter-into-force',
    ]);
    expectSummaryToMatchView(recorded(events));
  });

  it('computes the summary again when the one given does not account for the events just before', () => {
    const stream = recorded(eventfulLife());
    const fold = new TreatyHistoryFold();
    for (const envelope of stream) fold.add(envelope);
    const stale: TreatyStatusSummary = {
      status: 'registered',
      category: 'partnership',
      parties: [],
      partiesOnceNamed: [],
      ahead: [],
      ratification: new Map(),
      revision: 0n,
    };
    const summary = treatyStatusSummaryAfter(stale, fold.history()!, stream.slice(-1));
    expect(statusOn(summary, TODAY)).toBe(treatyStatusView(stream, { today: TODAY })!.status);
  });
});
