// Restarts its replica mid-test, so it keeps the app in its own hands rather than startOneReplica's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, post, signatureReportedBy } from '../support/treaty-requests';

// The operator restores EventStoreDB from a backup older than what a running replica has seen: the treaty's stream
// is there, shorter. Deciding on it would drop a recorded development from the treaty's history (decision 0058).
describe('a replica whose EventStoreDB is restored from an older backup under it (three-node protocol double)', () => {
  let cluster: EsdbProtocolCluster;
  let subject: TestApp;
  beforeAll(async () => {
    cluster = await startEsdbProtocolCluster();
    subject = await startTestApp({ store: { kind: 'eventstoredb', connectionString: cluster.connectionString } });
  });
  afterAll(async () => {
    await subject.close();
    await cluster.stop();
  });

  it('answers 503 EVENT_STORE_UNAVAILABLE for a treaty the backup holds only a part of, and is not ready', async () => {
    const id = 'restored-backup';
    const developments = `/treaties/${id}/developments`;
    await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
    const backup = cluster.backup();
    await post(subject.http, developments, signatureReportedBy('Moscow')).expect(201);
    await cluster.restoreBackup(backup);

    // The first call may fail on the connection the restart reset; every one after it meets the shorter stream.
    for (const attempt of [1, 2, 3]) {
      const refused = await post(subject.http, developments, signatureReportedBy('Tehran')).set(
        'Idempotency-Key',
        'after-the-restore',
      );
      expect({ attempt, status: refused.status, code: refused.body.code }).toEqual({
        attempt,
        status: 503,
        code: 'EVENT_STORE_UNAVAILABLE',
      });
      expect(refused.headers['retry-after']).toBeDefined();
    }
    const ready = await request(subject.http).get('/health/ready').expect(503);
    // The read model has applied the development the restored log lacks: it says so, not that it is caught up
    // (decision 0064).
    expect(ready.body.details.projections).toMatchObject({
      status: 'down',
      'treaty-status': {
        caughtUp: false,
        aheadOfTheLog: expect.stringMatching(/restored from an older backup.*npm run projections:rebuild/),
      },
    });
  });

  // A fresh data directory: the read models rebuilt from the restored log, as the README's procedure has it.
  it('once restarted (after its read models are rebuilt), takes the restored log as it is', async () => {
    await subject.close();
    subject = await startTestApp({ store: { kind: 'eventstoredb', connectionString: cluster.connectionString } });
    expect((await whenReady(subject.http)).status).toBe(200);
    await post(subject.http, '/treaties/restored-backup/developments', signatureReportedBy('Tehran')).expect(201);
  });
});
