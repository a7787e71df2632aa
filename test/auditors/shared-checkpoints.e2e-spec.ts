import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Sqlite } from '@timeline/sqlite-driver';
import { asAuditor } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, signature } from '../support/treaty-requests';

// Two replicas over one log (here two apps sharing one SQLite file, each with its own data directory): the
// checkpoints one issues are in the log, so the other verifies against them too.
describe('checkpoints issued are shared by every replica: kept in the event store', () => {
  const root = mkdtempSync(join(tmpdir(), 'timeline-shared-checkpoints-'));
  const events = join(root, 'events.db');
  let replicaA: TestApp;
  let replicaB: TestApp;
  beforeAll(async () => {
    const replica = (name: string) =>
      startTestApp({ dataDir: join(root, name), store: { kind: 'embedded', file: events } });
    replicaA = await replica('a');
    replicaB = await replica('b');
  });
  afterAll(async () => {
    await replicaA.close();
    await replicaB.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("finds, on another replica, an event removed from a stream's end through a checkpoint this one issued", async () => {
    await post(replicaA.http, '/treaties', RU_IR).expect(201);
    await post(replicaA.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201);
    await asAuditor(replicaA.http, '/audit/checkpoint').expect(200);
    // Asking again without new events answers the same checkpoint: recording it is not a new event to sign over.
    const again = await asAuditor(replicaA.http, '/audit/checkpoint').expect(200);
    expect((await asAuditor(replicaA.http, '/audit/checkpoint').expect(200)).body).toEqual(again.body);
    expect((await asAuditor(replicaB.http, '/audit/verify').expect(200)).body.ok).toBe(true);

    const db = new Sqlite(events);
    db.prepare(
      "DELETE FROM events WHERE position = (SELECT max(position) FROM events WHERE stream_name LIKE 'treaty-%')",
    ).run();
    db.close();

    const verified = await asAuditor(replicaB.http, '/audit/verify').expect(200);
    expect(verified.body.ok).toBe(false);
    expect(verified.body.failures).toEqual([expect.objectContaining({ stream: `treaty-${RU_IR.id}`, revision: '1' })]);
  });
});
