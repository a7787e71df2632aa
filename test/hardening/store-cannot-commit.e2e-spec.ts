import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { EVENT_STORE } from '@timeline/event-store';
import type { SqliteEventStore } from '@timeline/event-store-sqlite';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

/**
 * A disk that fills up, made on the store's own connection: SQLite's page limit answers SQLITE_FULL ("database or
 * disk is full") exactly as a full disk does, and a lone append is committed on that connection.
 */
function fillTheDisk(store: SqliteEventStore): () => void {
  const db = (store as unknown as { db: { pragma(source: string, options?: object): unknown } }).db;
  const pages = Number(db.pragma('page_count', { simple: true }));
  db.pragma(`max_page_count = ${pages}`);
  return () => db.pragma('max_page_count = 1073741823');
}

describe('an embedded store that cannot commit (disk full)', () => {
  let subject: TestApp;
  const logged: string[] = [];
  beforeAll(async () => {
    subject = await startTestApp({}, { logDestination: { write: (line: string) => logged.push(line) } });
    await whenReady(subject.http);
  });
  afterAll(() => subject.close());

  it('answers 503, logs what SQLite said, and reports it in readiness and metrics until a commit succeeds', async () => {
    const store = subject.app.get<SqliteEventStore>(EVENT_STORE);
    const emptyTheDisk = fillTheDisk(store);
    // The last page's free room takes a few treaties yet; then the file cannot grow.
    let refused = await post(subject.http, '/treaties', { ...RU_IR, id: `${RU_IR.id}-0` });
    for (let treaty = 1; refused.status === 201 && treaty < 200; treaty++) {
      refused = await post(subject.http, '/treaties', { ...RU_IR, id: `${RU_IR.id}-${treaty}` });
    }
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
    const line = logged.find((entry) => entry.includes('could not commit the append'));
    expect(line).toContain('SQLITE_FULL');
    expect(line).toContain('database or disk is full');

    const ready = await request(subject.http).get('/health/ready').expect(200);
    expect(ready.body.info.eventStore).toMatchObject({
      status: 'up',
      commits: 'failing',
      commitFailure: { code: 'SQLITE_FULL', message: 'database or disk is full' },
    });
    expect((await request(subject.http).get('/metrics')).text).toContain('timeline_store_commits_failing 1');

    emptyTheDisk();
    await post(subject.http, '/treaties', RU_IR).expect(201);
    const after = await request(subject.http).get('/health/ready').expect(200);
    expect(after.body.info.eventStore).toEqual({ status: 'up' });
    expect((await request(subject.http).get('/metrics')).text).toContain('timeline_store_commits_failing 0');
  });
});
