import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { KEYS, bearer } from '../support/api-keys';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, post, signature } from '../support/treaty-requests';

const CHECKPOINT_STREAM = 'audit-checkpoints';

/** How many checkpoints the log holds. */
async function checkpointsIn(subject: TestApp): Promise<number> {
  const events = await collect(subject.app.get<EventStore>(EVENT_STORE).readAll());
  return events.filter((event) => event.streamName === CHECKPOINT_STREAM).length;
}

const headAsAuditor = (http: App, path: string) => request(http).head(path).set('Authorization', bearer(KEYS.auditor));

// GET and HEAD are safe methods: a crawler, a monitor that probes with HEAD or an auditor's script run every minute
// must not grow the log. A checkpoint is issued only when the log has moved past the latest one (decision 0054).
describe('GET and HEAD /audit/checkpoint append nothing while the log has not moved', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-checkpoint-safe-'));
  const events = join(root, 'events.db');
  // Replicas share the log and the signing key (README, "Stores"); the first one generates the key.
  const replica = (name: string, signingKeyFile?: string) =>
    startTestApp(
      { dataDir: join(root, name), store: { kind: 'embedded', file: events }, signingKeyFile },
      { keepData: true },
    );
  let subject: TestApp;
  beforeAll(async () => {
    subject = await replica('a');
  });
  afterAll(async () => {
    await subject.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('issues one checkpoint of an empty log, however often it is asked', async () => {
    const first = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    for (let asked = 0; asked < 3; asked++) {
      expect((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body).toEqual(first.body);
    }
    expect(await checkpointsIn(subject)).toBe(1);
  });

  it('answers HEAD without issuing, also when the log has moved', async () => {
    await post(subject.http, '/treaties', RU_IR).expect(201);
    const before = await checkpointsIn(subject);
    for (let probed = 0; probed < 3; probed++) await headAsAuditor(subject.http, '/audit/checkpoint').expect(200);
    expect(await checkpointsIn(subject)).toBe(before);
  });

  it('issues a new checkpoint once the log has moved, covering the new event, and then no other', async () => {
    const written = await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    const before = await checkpointsIn(subject);
    const issued = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    expect(BigInt(issued.body.position)).toBeGreaterThanOrEqual(BigInt(written.body.position));
    expect((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body).toEqual(issued.body);
    expect(await checkpointsIn(subject)).toBe(before + 1);
  });

  it('answers HEAD with the headers of GET once the latest checkpoint covers the log', async () => {
    const got = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    const probed = await headAsAuditor(subject.http, '/audit/checkpoint').expect(200);
    expect(probed.headers.etag).toBe(got.headers.etag);
    expect(probed.headers['content-length']).toBe(got.headers['content-length']);
  });

  it('revalidates: the ETag names the checkpoint, If-None-Match answers 304', async () => {
    const got = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    expect(got.headers.etag).toBeDefined();
    await asAuditor(subject.http, '/audit/checkpoint').set('If-None-Match', got.headers.etag!).expect(304);
  });

  it('answers the checkpoint in the log after a restart, and on another replica, without issuing again', async () => {
    const got = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    const before = await checkpointsIn(subject);
    await subject.close();
    subject = await replica('a');
    expect((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body).toEqual(got.body);
    const other = await replica('b', join(root, 'a', 'signing-key.pem'));
    try {
      expect((await asAuditor(other.http, '/audit/checkpoint').expect(200)).body).toEqual(got.body);
    } finally {
      await other.close();
    }
    expect(await checkpointsIn(subject)).toBe(before);
  });

  it('issues one checkpoint for requests that arrive together after the log moved', async () => {
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval()).expect(201);
    const before = await checkpointsIn(subject);
    const answers = await Promise.all([1, 2, 3].map(() => asAuditor(subject.http, '/audit/checkpoint').expect(200)));
    expect(new Set(answers.map((answer) => answer.body.signature)).size).toBe(1);
    expect(await checkpointsIn(subject)).toBe(before + 1);
  });

  it('issues one checkpoint for replicas asked together after the log moved (decision 0059)', async () => {
    const other = await replica('b', join(root, 'a', 'signing-key.pem'));
    try {
      for (let round = 0; round < 3; round++) {
        await post(subject.http, '/treaties', { ...RU_IR, id: `ru-ir-replicas-${round}` }).expect(201);
        const before = await checkpointsIn(subject);
        const answers = await Promise.all(
          [subject, other, subject, other].map((replica) => asAuditor(replica.http, '/audit/checkpoint').expect(200)),
        );
        expect(new Set(answers.map((answer) => answer.body.signature)).size).toBe(1);
        expect(await checkpointsIn(subject)).toBe(before + 1);
      }
    } finally {
      await other.close();
    }
  });
});
