import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import request from 'supertest';
import { Sqlite } from '@timeline/sqlite-driver';
import { backupEventLog } from '../../apps/api/src/cli/backup-command';
import { EXIT } from '../../apps/api/src/cli/audit-command';
import { KEYS, bearer } from '../support/api-keys';
import { asAuditor, exportLog, offlineAudit } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post } from '../support/treaty-requests';

const DUMA_QUOTE = 'lower-house State Duma';

describe('tamper evidence', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-tamper-'));
  const pristine = join(root, 'pristine');
  let checkpoint: string;
  let publicKey: string;
  let pristineExport: string;
  let liveStatuses: Record<string, unknown>;

  /** Starts the app on a copy of the pristine data directory, after `damage` has done its work on the copy. */
  async function startOnCopy(name: string, damage: (eventsDb: string) => void = () => undefined): Promise<TestApp> {
    const dataDir = join(root, name);
    cpSync(pristine, dataDir, { recursive: true });
    damage(join(dataDir, 'events.db'));
    return startTestApp(
      { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, loadDemoData: false },
      { keepData: true },
    );
  }

  const settled = async (subject: TestApp) => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const ready = await request(subject.http).get('/health/ready');
      if (
        (ready.body as { info?: { integrity?: { verifiedAt?: string } }; error?: { integrity?: unknown } }).info
          ?.integrity?.verifiedAt ||
        ready.body.error?.integrity
      )
        return ready;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('The start-up verification did not finish');
  };

  beforeAll(async () => {
    const subject = await startTestApp(
      { dataDir: pristine, store: { kind: 'embedded', file: join(pristine, 'events.db') }, loadDemoData: true },
      { keepData: true },
    );
    try {
      await settled(subject);
      publicKey = (await asAuditor(subject.http, '/audit/public-key').expect(200)).body.publicKey;
      checkpoint = JSON.stringify((await asAuditor(subject.http, '/audit/checkpoint').expect(200)).body);
      pristineExport = await exportLog(subject.http);
      const list = await request(subject.http).get('/treaties').expect(200);
      liveStatuses = Object.fromEntries((list.body.items as { id: string }[]).map((item) => [item.id, item]));
    } finally {
      await subject.close();
    }
  }, 30_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const offline = (name: string, exported: string, extra: Record<string, string> = {}) =>
    offlineAudit(
      root,
      { [`${name}.ndjson`]: exported, 'key.pem': publicKey, 'checkpoint.json': checkpoint, ...extra },
      ['verify', `${name}.ndjson`, '--public-key', 'key.pem', '--checkpoint', 'checkpoint.json'],
    );

  it('verifies the untouched export offline against the signed checkpoint', async () => {
    const result = await offline('pristine', pristineExport);
    expect(result.code).toBe(EXIT.ok);
    expect(JSON.parse(result.output)).toMatchObject({ ok: true, failures: [] });
  });

  it('verifies and replays a copy of events.db offline, read-only, as it does the export; names a changed byte', async () => {
    const copy = join(root, 'copy-events.db');
    cpSync(join(pristine, 'events.db'), copy);
    const before = readFileSync(copy);
    const verify = (file: string) =>
      offlineAudit(root, { 'key.pem': publicKey, 'checkpoint.json': checkpoint }, [
        'verify',
        file,
        '--public-key',
        'key.pem',
        '--checkpoint',
        'checkpoint.json',
      ]);
    const intact = await verify(copy);
    expect(intact.code).toBe(EXIT.ok);
    expect(JSON.parse(intact.output)).toMatchObject({
      ok: true,
      checked: pristineExport.split('\n').filter(Boolean).length,
    });
    // Read as a file, not opened as a store: nothing migrated or written into it.
    expect(readFileSync(copy).equals(before)).toBe(true);
    const replay = ['replay', copy, '--as-of', '2025-04-30', '--treaty', RU_IR.id];
    const fromExport = await offlineAudit(root, { 'p.ndjson': pristineExport }, [
      'replay',
      'p.ndjson',
      ...replay.slice(2),
    ]);
    expect(await offlineAudit(root, {}, replay)).toEqual({ code: EXIT.ok, output: fromExport.output });

    const bytes = readFileSync(copy);
    bytes[bytes.indexOf(Buffer.from(DUMA_QUOTE))] = 'L'.charCodeAt(0);
    writeFileSync(copy, bytes);
    const damaged = await verify(copy);
    expect(damaged.code).toBe(EXIT.failed);
    expect(JSON.parse(damaged.output).failures).toEqual([
      expect.objectContaining({ stream: `treaty-${RU_IR.id}`, reason: expect.stringContaining('altered') }),
    ]);
  });

  it('rejects a checkpoint signed with another key', async () => {
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const result = await offlineAudit(root, { 'p.ndjson': pristineExport, 'other.pem': other, 'c.json': checkpoint }, [
      'verify',
      'p.ndjson',
      '--public-key',
      'other.pem',
      '--checkpoint',
      'c.json',
    ]);
    expect(result.code).toBe(EXIT.failed);
    expect(result.output).toContain('not a checkpoint signed by this key');
  });

  it('names an event with one byte changed in the SQLite file, in both routes, in health and offline; the service still serves', async () => {
    const subject = await startOnCopy('byte', (file) => {
      const bytes = readFileSync(file);
      const offset = bytes.indexOf(Buffer.from(DUMA_QUOTE));
      expect(offset).toBeGreaterThan(0);
      bytes[offset] = 'L'.charCodeAt(0);
      writeFileSync(file, bytes);
    });
    try {
      // Reported everywhere, but the replica stays in the balancer: the damage is in the shared log (decision 0008).
      const ready = await settled(subject);
      expect(ready.status).toBe(200);
      expect(ready.body.info.integrity).toMatchObject({ status: 'up', ok: false, failures: 1 });
      const live = await request(subject.http).get('/health').expect(200);
      expect(live.body.info.integrity).toMatchObject({ ok: false, failures: 1 });
      const metrics = await request(subject.http).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^timeline_integrity_failures 1$/m);
      const all = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(all.body.ok).toBe(false);
      expect(all.body.failures).toHaveLength(1);
      const damaged = all.body.failures[0];
      expect(damaged).toMatchObject({ stream: `treaty-${RU_IR.id}`, reason: expect.stringContaining('altered') });
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(one.body.failures).toEqual([damaged]);
      const read = await request(subject.http).get(`/treaties/${RU_IR.id}`).expect(200);
      expect(read.headers['timeline-integrity']).toBe('damaged; failures=1');
      // A HEAD carries the GET's headers: a client that checks with HEAD is told too (decision 0008).
      for (const path of [`/treaties/${RU_IR.id}`, '/treaties']) {
        const probed = await request(subject.http).head(path).expect(200);
        expect(probed.headers['timeline-integrity']).toBe('damaged; failures=1');
      }
      await asAuditor(subject.http, '/audit/checkpoint').expect(409);

      const result = await offline('byte', await exportLog(subject.http));
      expect(result.code).toBe(EXIT.failed);
      expect(JSON.parse(result.output).failures).toEqual([expect.objectContaining({ eventId: damaged.eventId })]);

      // HEAD answers GET's status, also once the log has moved past the latest checkpoint, where GET would verify
      // the log before issuing one: a monitor probing with HEAD is not told 200 where GET says 409 (decision 0059).
      const head = () => request(subject.http).head('/audit/checkpoint').set('Authorization', bearer(KEYS.auditor));
      await head().expect(409);
      await post(subject.http, '/treaties', { ...RU_IR, id: 'ru-ir-after-the-damage' }).expect(201);
      await asAuditor(subject.http, '/audit/checkpoint').expect(409);
      await head().expect(409);
    } finally {
      await subject.close();
    }
  });

  it('names the events around one deleted from the middle of a stream, and events reordered', async () => {
    const ids = (file: string, stream: string) => {
      const db = new Sqlite(file, { readonly: true });
      try {
        const rows = db.prepare('SELECT event_id FROM events WHERE stream_name = ? ORDER BY revision').all(stream);
        return (rows as { event_id: string }[]).map((row) => row.event_id);
      } finally {
        db.close();
      }
    };
    let removedNext = '';
    const deleted = await startOnCopy('deleted', (file) => {
      const stream = ids(file, `treaty-${RU_IR.id}`);
      removedNext = stream[3]!;
      const db = new Sqlite(file);
      db.prepare('DELETE FROM events WHERE event_id = ?').run(stream[2]);
      db.close();
    });
    try {
      const result = await asAuditor(deleted.http, '/audit/verify').expect(200);
      expect(result.body.ok).toBe(false);
      expect(result.body.failures).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ eventId: removedNext, reason: expect.stringContaining('missing') }),
        ]),
      );
    } finally {
      await deleted.close();
    }

    let swapped: string[] = [];
    const reordered = await startOnCopy('reordered', (file) => {
      const stream = ids(file, `treaty-${RU_IR.id}`);
      swapped = [stream[1]!, stream[2]!];
      const db = new Sqlite(file);
      db.transaction(() => {
        db.prepare('UPDATE events SET revision = -1 WHERE event_id = ?').run(swapped[0]);
        db.prepare('UPDATE events SET revision = 1 WHERE event_id = ?').run(swapped[1]);
        db.prepare('UPDATE events SET revision = 2 WHERE event_id = ?').run(swapped[0]);
      })();
      db.close();
    });
    try {
      const result = await asAuditor(reordered.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(result.body.failures.map((failure: { eventId: string }) => failure.eventId)).toEqual(
        expect.arrayContaining(swapped),
      );
    } finally {
      await reordered.close();
    }
  });

  it('names an event whose recorded time was moved back, which no hash covers, online and offline', async () => {
    // `knownAt` reads the recorded time: moved back a month, a report would look known before it was.
    let moved = '';
    const subject = await startOnCopy('backdated', (file) => {
      const db = new Sqlite(file);
      try {
        const row = db
          .prepare('SELECT event_id, recorded_at FROM events WHERE stream_name = ? ORDER BY revision LIMIT 1 OFFSET 2')
          .get(`treaty-${RU_IR.id}`) as { event_id: string; recorded_at: string };
        moved = row.event_id;
        const monthBefore = new Date(Date.parse(row.recorded_at) - 30 * 24 * 60 * 60 * 1000).toISOString();
        db.prepare('UPDATE events SET recorded_at = ? WHERE event_id = ?').run(monthBefore, moved);
      } finally {
        db.close();
      }
    });
    try {
      const expected = [
        expect.objectContaining({ eventId: moved, reason: expect.stringMatching(/recorded time .* 720 hours before/) }),
      ];
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(one.body).toMatchObject({ ok: false });
      expect(one.body.failures).toEqual(expected);
      const all = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(all.body.failures).toEqual(expected);
      // What a checkpoint signs, the streams' head hashes, is intact: a recorded time, which no append can repair,
      // does not stop checkpoints for good (content damage does, as above).
      await asAuditor(subject.http, '/audit/checkpoint').expect(200);

      const result = await offline('backdated', await exportLog(subject.http));
      expect(result.code).toBe(EXIT.failed);
      expect(JSON.parse(result.output).failures).toEqual(expected);
    } finally {
      await subject.close();
    }
  });

  it('names an event whose recorded time was overwritten with no time, and verifies the rest', async () => {
    let damaged = '';
    const subject = await startOnCopy('no-time', (file) => {
      const db = new Sqlite(file);
      try {
        const row = db
          .prepare('SELECT event_id FROM events WHERE stream_name = ? ORDER BY revision LIMIT 1 OFFSET 2')
          .get(`treaty-${RU_IR.id}`) as { event_id: string };
        damaged = row.event_id;
        db.prepare('UPDATE events SET recorded_at = ? WHERE event_id = ?').run('last Tuesday', damaged);
      } finally {
        db.close();
      }
    });
    try {
      const expected = [expect.objectContaining({ eventId: damaged, reason: 'its recorded time is not a time' })];
      const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
      expect(one.body).toMatchObject({ ok: false });
      expect(one.body.failures).toEqual(expected);
      const all = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(all.body.failures).toEqual(expected);
      // The export carries it as it is (no time: null), so offline verification reads past it too.
      const exported = await exportLog(subject.http);
      expect(exported.split('\n').filter(Boolean)).toHaveLength(pristineExport.split('\n').filter(Boolean).length);
      const result = await offline('no-time', exported);
      expect(result.code).toBe(EXIT.failed);
      expect(JSON.parse(result.output).failures).toEqual(expected);
    } finally {
      await subject.close();
    }
  });

  it("finds an event removed from a stream's end through the checkpoints issued before", async () => {
    let removed = { stream: '', revision: '' };
    const subject = await startOnCopy('truncated', (file) => {
      const db = new Sqlite(file);
      // The last treaty event: the log's last record is the checkpoint itself (kept in the log, shared by replicas).
      const last = db
        .prepare(
          "SELECT position, stream_name, revision FROM events WHERE stream_name LIKE 'treaty-%' ORDER BY position DESC LIMIT 1",
        )
        .get() as { position: bigint; stream_name: string; revision: number };
      removed = { stream: last.stream_name, revision: String(last.revision) };
      db.prepare('DELETE FROM events WHERE position = ?').run(last.position);
      db.close();
    });
    try {
      const result = await asAuditor(subject.http, '/audit/verify').expect(200);
      expect(result.body.ok).toBe(false);
      expect(result.body.failures).toEqual([expect.objectContaining(removed)]);
      const offlineResult = await offline('truncated', await exportLog(subject.http));
      expect(offlineResult.code).toBe(EXIT.failed);
    } finally {
      await subject.close();
    }
  });

  it('replays the export offline into the live status of every demo treaty', async () => {
    const result = await offlineAudit(root, { 'replay.ndjson': pristineExport }, [
      'replay',
      'replay.ndjson',
      '--as-of',
      new Date().toISOString().slice(0, 10),
    ]);
    expect(result.code).toBe(EXIT.ok);
    const replayed = (JSON.parse(result.output) as { treaties: { id: string; asOf: string }[] }).treaties;
    expect(replayed.map((treaty) => treaty.id).sort()).toEqual(Object.keys(liveStatuses).sort());
    for (const treaty of replayed) {
      expect({ ...treaty, asOf: null }).toEqual(liveStatuses[treaty.id]);
    }
  });

  it('replay of a treaty the export does not hold, or not yet at --known-at, says so and exits 2, never an empty 0', async () => {
    const replay = (...options: string[]) =>
      offlineAudit(root, { 'replay.ndjson': pristineExport }, [
        'replay',
        'replay.ndjson',
        '--as-of',
        '2025-06-01',
        ...options,
      ]);
    const mistyped = await replay('--treaty', 'ru-ir-comprehensive-strategic-partnershp');
    expect(mistyped.code).toBe(EXIT.usage);
    expect(mistyped.output).toContain('the export holds no treaty "ru-ir-comprehensive-strategic-partnershp"');

    const treatyId = Object.keys(liveStatuses)[0]!;
    const tooEarly = await replay('--treaty', treatyId, '--known-at', '2000-01-01T00:00:00Z');
    expect(tooEarly.code).toBe(EXIT.usage);
    expect(tooEarly.output).toMatch(new RegExp(`"${treatyId}" was first recorded at .+, after --known-at`));

    const known = await replay('--treaty', treatyId, '--known-at', new Date().toISOString());
    expect(known.code).toBe(EXIT.ok);
    expect(JSON.parse(known.output)).toMatchObject({ asOf: '2025-06-01', treaties: [{ id: treatyId }] });
  });

  it('takes an online backup that, restored, verifies clean against the checkpoint taken before it', async () => {
    const subject = await startOnCopy('backup-source');
    const restored = join(root, 'restored');
    try {
      await backupEventLog(subject.config, join(root, 'events-backup.db'));
    } finally {
      await subject.close();
    }
    cpSync(join(root, 'events-backup.db'), join(restored, 'events.db'));
    cpSync(join(pristine, 'signing-key.pem'), join(restored, 'signing-key.pem'));
    const restoredApp = await startTestApp(
      { dataDir: restored, store: { kind: 'embedded', file: join(restored, 'events.db') } },
      { keepData: true },
    );
    try {
      const result = await offline('restored', await exportLog(restoredApp.http));
      expect(result.code).toBe(EXIT.ok);
    } finally {
      await restoredApp.close();
    }
  });

  it('a backup restored beside a newer read model is not served as caught up: readiness names the rebuild it needs', async () => {
    const subject = await startOnCopy('restored-beside-newer');
    const dataDir = join(root, 'restored-beside-newer');
    try {
      await backupEventLog(subject.config, join(root, 'older-backup.db'));
      // Written after the backup: the read model has it, the restored log will not.
      const written = await post(subject.http, '/treaties', {
        id: 'registered-after-the-backup',
        title: 'A treaty registered after the backup was taken',
        parties: ['FR', 'DE'],
        category: 'other',
      }).expect(201);
      await request(subject.http).get(`/treaties/registered-after-the-backup?minPosition=${written.body.position}`);
    } finally {
      await subject.close();
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `events.db${suffix}`), { force: true });
    cpSync(join(root, 'older-backup.db'), join(dataDir, 'events.db'));
    const restored = await startTestApp(
      { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, loadDemoData: false },
      { keepData: true },
    );
    try {
      let ready = await request(restored.http).get('/health/ready');
      for (let attempt = 0; attempt < 100 && ready.status === 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        ready = await request(restored.http).get('/health/ready');
      }
      expect(ready.status).toBe(503);
      const projection = ready.body.details.projections['treaty-status'];
      expect(projection).toMatchObject({ state: 'failed' });
      expect(projection.error).toMatch(/the log ends at \d+: .*npm run projections:rebuild/);
    } finally {
      await restored.close();
    }
  });
});
