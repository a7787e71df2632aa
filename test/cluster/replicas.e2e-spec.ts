import { createPublicKey, generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';
import { API_KEYS, KEYS } from '../support/api-keys';
import { startApiProcess, type ApiProcess } from './api-process';
import {
  aTreaty,
  call,
  copiesInLog,
  followLive,
  postUntilStored,
  ratification,
  signature,
  until,
  waitUntilReady,
} from './replica-checks';

/**
 * Two api processes, each as production starts it (`node dist/.../main.js`, configured by its environment), each
 * with its own data directory (read models and subscription checkpoint), sharing the signing key and the API
 * keys, connected to one three-node EventStoreDB cluster (the protocol double, in this process) with a cluster
 * connection string: what the compose cluster profile runs, without Docker.
 */
describe('two api replicas on a three-node EventStoreDB cluster (protocol double)', () => {
  let cluster: EsdbProtocolCluster;
  let replicas: ApiProcess[] = [];
  let a: string;
  let b: string;
  let scratch: string;
  let publicKey: string;
  const treaty = aTreaty(randomUUID().slice(0, 8));
  const developments = `/treaties/${treaty.id}/developments`;

  beforeAll(async () => {
    // The service runs from dist: jest's global setup (test/support/build-once.mjs) has built it if needed.
    scratch = mkdtempSync(join(tmpdir(), 'timeline-replicas-'));
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyFile = join(scratch, 'signing-key.pem');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    publicKey = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
    cluster = await startEsdbProtocolCluster();
    // Each replica that started is kept for afterAll to stop, though the other failed to.
    const started = await Promise.allSettled(
      ['a', 'b'].map((name) =>
        startApiProcess(`replica ${name}`, {
          TIMELINE_DATA_DIR: join(scratch, `replica-${name}`),
          EVENTSTORE_CONNECTION_STRING: cluster.connectionString,
          TIMELINE_API_KEYS: API_KEYS,
          TIMELINE_SIGNING_KEY_FILE: keyFile,
          TIMELINE_DEMO_DATA: 'false',
          TIMELINE_LOG_LEVEL: 'warn',
        }),
      ),
    );
    replicas = started.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
    const failed = started.find((start) => start.status === 'rejected');
    if (failed) throw failed.reason;
    [a, b] = replicas.map((replica) => replica.url) as [string, string];
    const outputs = () => replicas.map((replica) => replica.output()).join('');
    await Promise.all(replicas.map((replica) => waitUntilReady(replica.url, 60_000, outputs)));
  }, 240_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await cluster?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  /** GET through both replicas: the answers, which must be the same. */
  const readBoth = async (path: string) => Promise.all([call(a, 'GET', path), call(b, 'GET', path)]);

  it('serves the same projections through both: written through one, read (your write) through the other', async () => {
    const registered = await call(a, 'POST', '/treaties', { key: KEYS.editor, body: treaty });
    expect(registered.status).toBe(201);
    const signed = await call(a, 'POST', developments, { key: KEYS.editor, body: signature() });
    expect(signed.status).toBe(201);

    const [fromA, fromB] = await readBoth(`/treaties/${treaty.id}?minPosition=${signed.body.position}`);
    expect([fromA.status, fromB.status]).toEqual([200, 200]);
    expect(fromB.body).toEqual(fromA.body);
    expect(fromB.headers.get('etag')).toBe(fromA.headers.get('etag'));
    expect(fromA.body).toMatchObject({ status: 'signed' });

    const [timelineA, timelineB] = await readBoth(`/treaties/${treaty.id}/timeline`);
    expect(timelineA.status).toBe(200);
    expect(timelineB.body).toEqual(timelineA.body);
  });

  it('sends the same live updates from both replicas, whichever took the write', async () => {
    const feeds = [a, b].map((base) => followLive(`${base}/treaties/${treaty.id}/live`));
    try {
      await Promise.all(feeds.map((feed) => feed.opened));
      const written = await call(b, 'POST', developments, { key: KEYS.editor, body: ratification('RU', '2025-04-21') });
      expect(written.status).toBe(201);
      const position = written.body.position as string;
      await until(() => feeds.every((feed) => feed.received.some((message) => message.id === position)), 'both feeds');
      const [fromA, fromB] = feeds.map((feed) => feed.received.find((message) => message.id === position)!);
      expect(fromB).toEqual(fromA);
      expect(fromA!.data).toMatchObject({ id: treaty.id, status: 'ratification-in-progress' });
    } finally {
      feeds.forEach((feed) => feed.close());
    }
  });

  it('answers one of the copies of a keyed write racing through both replicas as the write, the others as retries', async () => {
    // Each replica decides its first copy on the state it reads, perhaps the same one; the store keeps one copy
    // (the ids are derived from the key), and only the copy that put it there may say it was not a retry.
    const racing = aTreaty(randomUUID().slice(0, 8));
    expect((await call(a, 'POST', '/treaties', { key: KEYS.editor, body: racing })).status).toBe(201);
    const idempotencyKey = randomUUID();
    const answers = await Promise.all(
      [a, b, a, b, a, b].map((base) =>
        call(base, 'POST', `/treaties/${racing.id}/developments`, {
          key: KEYS.editor,
          body: signature(),
          headers: { 'Idempotency-Key': idempotencyKey },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(201));
    expect(answers.filter((answer) => answer.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.body.eventId)).size).toBe(1);
    expect(await copiesInLog(a, KEYS.auditor, answers[0]!.body.eventId)).toBe(1);
  });

  it('survives the death of the leader: a write retried with its Idempotency-Key is stored once, both replicas follow', async () => {
    const feeds = [a, b].map((base) => followLive(`${base}/treaties/${treaty.id}/live`));
    try {
      await Promise.all(feeds.map((feed) => feed.opened));
      const idempotencyKey = randomUUID();
      const body = ratification('IR', '2025-05-28');
      // The leader dies while it writes: after committing the event, before answering. The editor sees a 503
      // and cannot know whether the write was stored.
      const leader = cluster.leader!;
      cluster.crashLeaderDuringNextAppend('after-commit');
      const cut = await call(a, 'POST', developments, {
        key: KEYS.editor,
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      expect(cut.status).toBe(503);
      expect(cut.headers.get('content-type')).toContain('application/problem+json');
      expect(cut.body).toMatchObject({ code: 'EVENT_STORE_UNAVAILABLE' });
      expect(cluster.nodes[leader]!.state).toBe('stopped');

      // Another node is elected a while later. The editor retries the same write with the same key, through
      // either replica: refused as retryable until then, and then answered with the first (stored) write.
      const electing = sleep(1_500).then(() => cluster.elect((leader + 1) % 3));
      const { answer } = await postUntilStored([b, a], developments, body, { key: KEYS.editor, idempotencyKey });
      await electing;
      expect(answer.headers.get('idempotent-replayed')).toBe('true');
      const position = answer.body.position as string;

      // The same key again: the first answer again, nothing appended.
      const again = await call(a, 'POST', developments, {
        key: KEYS.editor,
        body,
        headers: { 'Idempotency-Key': idempotencyKey },
      });
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(answer.body);
      for (const base of [a, b]) expect(await copiesInLog(base, KEYS.auditor, answer.body.eventId)).toBe(1);

      const [fromA, fromB] = await readBoth(`/treaties/${treaty.id}?minPosition=${position}`);
      expect([fromA.status, fromB.status]).toEqual([200, 200]);
      expect(fromB.body).toEqual(fromA.body);
      expect(fromA.body).toMatchObject({ status: 'ratified' });
      const [timelineA, timelineB] = await readBoth(`/treaties/${treaty.id}/timeline`);
      expect(timelineB.body).toEqual(timelineA.body);

      // Both projections resumed from their checkpoints on the new leader: each feed has the update, once.
      await until(() => feeds.every((feed) => feed.received.some((message) => message.id === position)), 'both feeds');
      for (const feed of feeds) {
        expect(feed.received.filter((message) => message.id === position)).toHaveLength(1);
      }
      await Promise.all([a, b].map((base) => waitUntilReady(base, 10_000)));
    } finally {
      feeds.forEach((feed) => feed.close());
    }
  });

  it('signs checkpoints with the one key both replicas share', async () => {
    const keys = await Promise.all([a, b].map((base) => call(base, 'GET', '/audit/public-key', { key: KEYS.auditor })));
    expect(keys.map((answer) => answer.status)).toEqual([200, 200]);
    expect(keys[0]!.body).toEqual(keys[1]!.body);
    expect(JSON.stringify(keys[0]!.body)).toContain(publicKey.trim().split('\n')[1]);
  });
});
