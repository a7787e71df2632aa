import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { timelineText, toJsonText } from '@timeline/projections';
import { treatyStatusView, treatyTimelineView, type ViewOptions } from '@timeline/treaty';
import { eventfulLife, recorded } from '@timeline/treaty/testing';
import { standInThread } from '../../worker-threads/testing/stand-in-thread';
import { TimeTravelThread } from './time-travel-thread';

describe('TimeTravelThread', () => {
  const directory = mkdtempSync(join(tmpdir(), 'time-travel-thread-'));
  const envelopes = recorded(eventfulLife());
  const work = (view: 'status' | 'timeline', options: ViewOptions = { asOf: '2025-05-01' }) => ({
    view,
    envelopes,
    options,
    links: { notOnRecord: new Map() },
  });
  let thread: TimeTravelThread | undefined;
  afterEach(() => thread?.onModuleDestroy());
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('folds the same views as the domain does on the event loop, as the text clients receive', async () => {
    thread = new TimeTravelThread();
    const options = { asOf: '2025-05-01' };
    await expect(thread.fold(work('status', options))).resolves.toEqual({
      status: toJsonText(treatyStatusView(envelopes, options, { notOnRecord: new Map() })!),
    });
    await expect(thread.fold(work('timeline', options))).resolves.toEqual({
      timeline: timelineText(treatyTimelineView(envelopes, options, { notOnRecord: new Map() })!),
    });
    // Known before the treaty was recorded: no view, as the domain says.
    await expect(thread.fold(work('status', { knownAt: '2000-01-01T00:00:00.000Z' }))).resolves.toBeNull();
  });

  it('leaves the event loop free while it folds', async () => {
    thread = new TimeTravelThread(5_000, 16, standInThread(directory, 'slow', 0, 600, null));
    const folded = thread.fold(work('status'));
    const started = performance.now();
    const turns: number[] = [];
    while (performance.now() - started < 400) {
      const asked = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 10));
      turns.push(performance.now() - asked);
    }
    await folded;
    expect(Math.max(...turns)).toBeLessThan(200);
  });

  it('refuses a fold past its time limit, and callers beyond the queue, as the service unavailable (503)', async () => {
    // Two wait while the thread starts; a third is one too many.
    thread = new TimeTravelThread(300, 2, standInThread(directory, 'slower', 0, 800, null));
    const first = thread.fold(work('status'));
    const second = thread.fold(work('status'));
    await expect(thread.fold(work('status'))).rejects.toMatchObject({ status: 503, code: 'TIME_TRAVEL_BUSY' });
    await expect(first).rejects.toMatchObject({ status: 503, code: 'TIME_TRAVEL_TOO_COSTLY' });
    await expect(second).rejects.toMatchObject({ status: 503, code: 'TIME_TRAVEL_TOO_COSTLY' });
  });
});
