import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { integrityOf, rootOf, sealEvent, type CheckpointHead } from '@timeline/audit';
import type { JsonObject } from '@timeline/event-store';
import request from 'supertest';
import { Sqlite } from '@timeline/sqlite-driver';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR } from '../support/treaty-requests';

const TREATY_STREAM = `treaty-${RU_IR.id}`;
const CHECKPOINT_STREAM = 'audit-checkpoints';

type Database = InstanceType<typeof Sqlite>;
type EventRow = { position: bigint; event_id: string; stream_name: string; revision: bigint; type: string };

/**
 * Rewrites a stream's events from its first one, as someone with write access to the store but not the signing
 * key would: `change` edits each event's data, and every hash is computed again so that the chain holds.
 * Returns the new hash of each revision (and gives `change` those of the revisions before).
 */
function rewriteStream(
  db: Database,
  stream: string,
  change: (data: JsonObject, hashesSoFar: ReadonlyMap<bigint, string>) => JsonObject,
): Map<bigint, string> {
  const rows = db
    .prepare(
      'SELECT position, event_id, stream_name, revision, type, data, metadata FROM events WHERE stream_name = ? ORDER BY revision',
    )
    .safeIntegers(true)
    .all(stream) as (EventRow & { data: string; metadata: string })[];
  const update = db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?');
  const hashes = new Map<bigint, string>();
  let previousHash: string | null = null;
  for (const row of rows) {
    const metadata = JSON.parse(row.metadata) as JsonObject;
    delete metadata.integrity;
    const data = change(JSON.parse(row.data) as JsonObject, hashes);
    const sealed = sealEvent(
      { id: row.event_id, type: row.type, data, metadata },
      stream,
      row.revision,
      previousHash,
      new Date(),
    );
    previousHash = integrityOf({ metadata: sealed.metadata! })!.hash;
    hashes.set(row.revision, previousHash);
    update.run(JSON.stringify(data), JSON.stringify(sealed.metadata), row.position);
  }
  return hashes;
}

describe('the checkpoints a replica issued, as it verifies the log against them', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-issued-checkpoints-'));
  const pristine = join(root, 'pristine');

  async function startOnCopy(name: string, damage: (db: Database) => void, loadDemoData = false): Promise<TestApp> {
    const dataDir = join(root, name);
    cpSync(pristine, dataDir, { recursive: true });
    const db = new Sqlite(join(dataDir, 'events.db'));
    try {
      db.transaction(() => damage(db))();
    } finally {
      db.close();
    }
    return startTestApp(
      { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, loadDemoData },
      { keepData: true },
    );
  }

  beforeAll(async () => {
    const subject = await startTestApp(
      { dataDir: pristine, store: { kind: 'embedded', file: join(pristine, 'events.db') }, loadDemoData: true },
      { keepData: true },
    );
    try {
      await whenReady(subject.http);
      await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    } finally {
      await subject.close();
    }
  }, 30_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("are not trusted when the log's copy of one no longer carries the heads the key signed", async () => {
    // A treaty's registration rewritten with its chain, and the checkpoint kept in the log rewritten to match it
    // (its signature kept, since the key is not at hand), with the checkpoints' own chain.
    const subject = await startOnCopy('forged', (db) => {
      const treatyHashes = rewriteStream(db, TREATY_STREAM, (data) =>
        typeof data.title === 'string' ? { ...data, title: 'A treaty of friendship only' } : data,
      );
      rewriteStream(db, CHECKPOINT_STREAM, (data, checkpointHashes) => {
        const heads = (data.heads as unknown as CheckpointHead[]).map((head) => {
          const rewritten = (head.stream === TREATY_STREAM ? treatyHashes : undefined)?.get(BigInt(head.revision));
          const own = head.stream === CHECKPOINT_STREAM ? checkpointHashes.get(BigInt(head.revision)) : undefined;
          return { ...head, hash: rewritten ?? own ?? head.hash };
        });
        return { ...data, heads, root: rootOf(heads) };
      });
    });
    try {
      const status = await asAuditor(subject.http, `/treaties/${RU_IR.id}?asOf=2030-01-01`).expect(200);
      expect(status.body.title).toBe('A treaty of friendship only');
      const verified = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(verified.body.ok).toBe(false);
      expect(verified.body.failures).toEqual(
        expect.arrayContaining([expect.objectContaining({ stream: TREATY_STREAM })]),
      );
      await asAuditor(subject.http, '/audit/checkpoint').expect(409);
    } finally {
      await subject.close();
    }
  });

  it("names a treaty's stream removed whole, on the treaty's own route as on the whole log's", async () => {
    const subject = await startOnCopy('removed', (db) => {
      db.prepare('DELETE FROM events WHERE stream_name = ?').run(TREATY_STREAM);
    });
    try {
      const whole = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(whole.body.failures).toEqual([expect.objectContaining({ stream: TREATY_STREAM })]);
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(one.body).toMatchObject({ ok: false, checked: 0, failures: whole.body.failures });
      // A treaty no checkpoint recorded is simply not there.
      await asAuditor(subject.http, '/audit/treaties/never-registered/verify').expect(404);
    } finally {
      await subject.close();
    }
  });

  it("names events cut from a treaty's end in the same words on the treaty's route as on the whole log's", async () => {
    const subject = await startOnCopy('cut-short', (db) => {
      const last = db
        .prepare('SELECT max(position) AS position FROM events WHERE stream_name = ?')
        .safeIntegers(true)
        .get(TREATY_STREAM) as { position: bigint };
      db.prepare('DELETE FROM events WHERE position = ?').run(last.position);
    });
    try {
      const whole = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(whole.body.failures).toEqual([expect.objectContaining({ stream: TREATY_STREAM })]);
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      // The log goes on past the checkpoint: only the stream was cut, which says nothing of where the log ends.
      expect(one.body).toMatchObject({ ok: false, failures: whole.body.failures });
      expect(one.body.failures[0].reason).not.toContain('the log ends at position');
    } finally {
      await subject.close();
    }
  });

  it('names an event whose stored bytes are no longer JSON, instead of failing to answer', async () => {
    let damaged = { eventId: '', stream: '', revision: '' };
    // With the demo data on (the default), which looks at the log's first events before it loads anything.
    const subject = await startOnCopy(
      'unreadable',
      (db) => {
        const row = db
          .prepare(
            'SELECT position, event_id, revision FROM events WHERE stream_name = ? ORDER BY revision LIMIT 1 OFFSET 2',
          )
          .safeIntegers(true)
          .get(TREATY_STREAM) as { position: bigint; event_id: string; revision: bigint };
        damaged = { eventId: row.event_id, stream: TREATY_STREAM, revision: row.revision.toString() };
        db.prepare('UPDATE events SET data = substr(data, 2) WHERE position = ?').run(row.position);
      },
      true,
    );
    try {
      const failure = expect.objectContaining({ ...damaged, reason: expect.stringContaining('not readable') });
      const whole = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(whole.body).toMatchObject({ ok: false, failures: [failure] });
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(one.body).toMatchObject({ ok: false, failures: [failure] });
      await asAuditor(subject.http, '/audit/checkpoint').expect(409);
      // The log's page has begun when the read fails: it is broken off, never ended as if the log ended there.
      const page = await asAuditor(subject.http, '/audit/log')
        .timeout(3_000)
        .then(
          () => 'ended',
          (error: { timeout?: number }) => (error.timeout ? 'left open' : 'broken off'),
        );
      expect(page).toBe('broken off');
      const read = await request(subject.http).get(`/treaties/${RU_IR.id}?asOf=2030-01-01`).expect(500);
      expect(read.body.code).toBe('UNREADABLE_EVENT');
    } finally {
      await subject.close();
    }
  });
});
