import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collect } from '@timeline/event-store/testing';
import { EsdbEventStore } from '@timeline/event-store-esdb';
import { treatyStreamName } from '@timeline/treaty';
import type { EsdbProtocolCluster } from '../esdb-protocol-double';
import type { TestApp } from '../support/test-app';
import { RU_IR, post, signature, signatureReportedBy } from '../support/treaty-requests';
import { startTwoReplicas, type TwoReplicas } from './replicas-on-a-cluster';

// A replica whose client is still on the old leader once leadership has moved talks to a follower; a follower's
// copy may lag. Commands must decide on the leader's copy, or a stale copy makes If-Match fail for nothing and
// hides an Idempotency-Key's event (another body under that key would then be answered 201).

describe('commands read their stream from the leader (three-node protocol double, a follower lagging)', () => {
  let replicas: TwoReplicas;
  let cluster: EsdbProtocolCluster;
  let replicaA: TestApp;
  let replicaB: TestApp;
  beforeAll(async () => {
    replicas = await startTwoReplicas();
    ({ cluster, a: replicaA, b: replicaB } = replicas);
  });
  afterAll(() => replicas.stop());

  it('port: a read that requires the leader leaves a lagging follower for the leader', async () => {
    const store = new EsdbEventStore({ connectionString: `esdb://127.0.0.1:${cluster.nodes[2]!.port}?tls=false` });
    const stream = treatyStreamName('leader-reads-port');
    await post(replicaA.http, '/treaties', { ...RU_IR, id: 'leader-reads-port' }).expect(201);
    cluster.stallReplication(2);
    await post(replicaA.http, `/treaties/leader-reads-port/developments`, signature()).expect(201);
    expect(await collect(store.readStream(stream))).toHaveLength(1);
    expect(await collect(store.readStream(stream, { requiresLeader: true }))).toHaveLength(2);
    cluster.resumeReplication(2);
    await store.close();
  });

  it('decides If-Match and Idempotency-Key on the leader, from a replica left on a lagging follower', async () => {
    const id = 'leader-reads-app';
    const developments = `/treaties/${id}/developments`;
    // Both replicas talk to node 0, the leader; then its copy stalls and node 1 leads.
    await post(replicaA.http, '/treaties', { ...RU_IR, id }).expect(201);
    await post(replicaB.http, developments, signatureReportedBy('Tehran'))
      .set('Idempotency-Key', 'warm-up')
      .expect(201);
    cluster.stallReplication(0);
    cluster.elect(1);
    // Replica A follows the leader (its own write's NotLeader) and writes there under a key.
    const first = await post(replicaA.http, developments, signatureReportedBy('Moscow'))
      .set('Idempotency-Key', 'one-key')
      .expect(201);
    // Replica B is still on node 0, whose copy lacks that write.
    const reused = await post(replicaB.http, developments, signatureReportedBy('Geneva')).set(
      'Idempotency-Key',
      'one-key',
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const current = first.headers.etag as string;
    await post(replicaB.http, developments, signatureReportedBy('Vienna')).set('If-Match', current).expect(201);
    cluster.resumeReplication(0);
  });
});
