import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Sqlite } from '@timeline/sqlite-driver';
import { treatyStreamName } from '@timeline/treaty';
import { API_KEYS, KEYS, bearer } from '../support/api-keys';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp } from '../support/test-app';
import { RU_IR, post, signature, storedEvents } from '../support/treaty-requests';

const REBUILD_CLI = join(process.cwd(), 'dist/apps/api/apps/api/src/cli/projections-rebuild.js');

/** Two ways an event of the log cannot be replayed: bytes that are no JSON, a type no build of this service wrote. */
const DAMAGES = {
  'unreadable-event': "UPDATE events SET data = '{not json' WHERE event_id = ?",
  'event-not-applied': "UPDATE events SET type = 'TreatyTeleported' WHERE event_id = ?",
} as const;
type Damage = keyof typeof DAMAGES;

// A log holding an event the rebuild cannot replay is the log's state, not the service's failure: the auditor is
// told which event stopped it and why (decision 0086), in the terms /audit/verify names the damage in, whether the
// part that met it ran in a worker thread or in the calling thread.
describe('a rebuild over a log holding an event it cannot replay', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-unreplayable-'));
  const pristine = join(root, 'pristine');
  let signed: { id: string; position: string };

  beforeAll(async () => {
    const subject = await startTestApp(
      { dataDir: pristine, store: { kind: 'embedded', file: join(pristine, 'events.db') } },
      { keepData: true },
    );
    try {
      await post(subject.http, '/treaties', RU_IR).expect(201);
      await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
      const [, event] = await storedEvents(subject, RU_IR.id);
      signed = { id: event!.id, position: event!.position.toString() };
    } finally {
      await subject.close();
    }
  }, 30_000);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the pristine data directory whose signature event is damaged, as a reviewer did with the service stopped. */
  function damagedCopy(name: string, damage: Damage): string {
    const dataDir = join(root, name);
    cpSync(pristine, dataDir, { recursive: true });
    const db = new Sqlite(join(dataDir, 'events.db'));
    try {
      db.prepare(DAMAGES[damage]).run(signed.id);
    } finally {
      db.close();
    }
    return dataDir;
  }

  const named = () => ({
    eventId: signed.id,
    stream: treatyStreamName(RU_IR.id),
    revision: '1',
    position: signed.position,
  });

  describe.each([
    ['unreadable-event', 2],
    ['unreadable-event', 1],
    ['event-not-applied', 2],
    ['event-not-applied', 1],
  ] as const)('POST /audit/projections/rebuild?dryRun=true, %s, in %i thread(s)', (damage, threads) => {
    it('answers 409 LOG_NOT_REPLAYABLE naming the event as /audit/verify does, and leaves no scratch file', async () => {
      const dataDir = damagedCopy(`http-${damage}-${threads}`, damage);
      const subject = await startTestApp(
        { dataDir, store: { kind: 'embedded', file: join(dataDir, 'events.db') }, rebuildWorkers: threads },
        { keepData: true },
      );
      try {
        const response = await request(subject.http)
          .post('/audit/projections/rebuild?dryRun=true')
          .set('Authorization', bearer(KEYS.auditor))
          .expect(409);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          status: 409,
          code: 'LOG_NOT_REPLAYABLE',
          kind: damage,
          projection: 'treaty-status',
          event: { ...named(), type: damage === 'unreadable-event' ? 'TreatySigned' : 'TreatyTeleported' },
        });
        expect(response.body.detail).toContain(signed.id);
        if (damage === 'event-not-applied') expect(response.body.reason).toContain('TreatyTeleported');
        // The event an auditor is sent to: the one verification names (its hash no longer matches, or it is unreadable).
        const verified = await asAuditor(subject.http, '/audit/verify').expect(200);
        expect(verified.body.failures).toContainEqual(
          expect.objectContaining({ eventId: signed.id, stream: named().stream, revision: '1' }),
        );
        expect(readdirSync(dataDir).filter((file) => /^projections-.*\.db/.test(file))).toEqual([]);
      } finally {
        await subject.close();
      }
    });
  });

  it.each(['unreadable-event', 'event-not-applied'] as const)(
    '`npm run projections:rebuild` (with and without --dry-run) exits 2 naming the event (%s), and promotes nothing',
    (damage) => {
      const dataDir = damagedCopy(`cli-${damage}`, damage);
      const pointer = () => readdirSync(dataDir).filter((file) => file.startsWith('projections'));
      const before = pointer();
      for (const args of [['--dry-run'], []]) {
        const result = spawnSync(process.execPath, [REBUILD_CLI, ...args], {
          env: {
            ...process.env,
            TIMELINE_DATA_DIR: dataDir,
            TIMELINE_API_KEYS: API_KEYS,
            TIMELINE_REBUILD_WORKERS: '2',
          },
          encoding: 'utf8',
        });
        expect(result.status).toBe(2);
        const { eventId, stream, revision, position } = named();
        expect(result.stderr).toContain(
          `stopped at event ${eventId} (stream "${stream}", revision ${revision}, position ${position}`,
        );
        expect(result.stderr).toContain(
          damage === 'unreadable-event' ? 'not readable as JSON' : 'cannot apply it: Event type "TreatyTeleported"',
        );
        expect(pointer()).toEqual(before);
      }
    },
    30_000,
  );
});
