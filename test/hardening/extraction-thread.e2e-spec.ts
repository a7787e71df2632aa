import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { threadQueuedMs } from '../support/thread-queued';

/**
 * One long sentence of many acts: the extraction's work grows with the square of such a sentence (about a minute
 * for 100,000 characters here, 8 s for these 60,000), all of it on the event loop before decision 0048.
 */
const COSTLY = { text: 'Russia ratified the treaty, and '.repeat(1900), publishedOn: '2025-05-21' };
const ORDINARY = {
  text: 'Lawmakers in Russia’s lower-house State Duma ratified the strategic partnership treaty with Iran on April 8.',
  publishedOn: '2025-04-16',
};

describe('POST /extractions reads articles off the event loop', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: true }, { extractionTimeLimitMs: 1000 });
    await whenReady(subject.http);
  });
  afterAll(() => subject.close());

  const extract = (body: object) =>
    request(subject.http).post('/extractions').set('Authorization', bearer(KEYS.editor)).send(body);

  it('answers other requests while a costly text is read, and refuses the text past the time limit', async () => {
    let settled = false;
    const costly = extract(COSTLY).then((response) => {
      settled = true;
      return response;
    });
    // Health is asked for all along while the text is read: each answer comes at once, none waits for the text.
    // "At once" is counted less the time the service's thread (the app runs in this test's thread) waited, runnable,
    // for a CPU, which is the machine's load, not the service: at a load average of 10-12 on 2 cores the first
    // answer's wall time passed 500 ms (here, at a load of 8: 648 ms, 380 of them queued, 237 running the costly
    // request's own work on the loop). What is left is the time the loop ran, or slept, on something of its own: a
    // text read on the loop, or awaited there, counts in full whatever the load (1.5 s of either, put in for a check,
    // counted 1.3 and 1.7 s).
    const waits: number[] = [];
    while (!settled) {
      const started = performance.now();
      const queuedBefore = threadQueuedMs();
      await request(subject.http).get('/health').expect(200);
      waits.push(performance.now() - started - (threadQueuedMs() - queuedBefore));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThan(500);

    const refused = await costly;
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EXTRACTION_TOO_COSTLY', field: 'text', timeLimitMs: 1000 });

    // The thread given up on is replaced: the next article is read as usual.
    const next = await extract(ORDINARY).expect(200);
    expect(next.body.proposals.length).toBeGreaterThan(0);
  }, 30_000);
});
