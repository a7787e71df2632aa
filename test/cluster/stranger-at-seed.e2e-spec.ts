import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { EsdbProtocolCluster } from '../esdb-protocol-double';
import type { TestApp } from '../support/test-app';
import { RU_IR, post, signatureReportedBy, storedEvents } from '../support/treaty-requests';
import { startTwoReplicas, type TwoReplicas } from './replicas-on-a-cluster';

// The replicas test failed once in CI with a 404 TREATY_NOT_FOUND for a registered treaty, answered during an
// election: the dead leader's freed port had been taken by another test file's double, whose gossip named itself
// the leader, and the replica decided on its empty log (decision 0051).
describe('a write during an election, when a stranger answers at the dead leader’s address (three-node double)', () => {
  let replicas: TwoReplicas;
  let cluster: EsdbProtocolCluster;
  let replicaA: TestApp;
  let replicaB: TestApp;
  beforeAll(async () => {
    replicas = await startTwoReplicas();
    ({ cluster, a: replicaA, b: replicaB } = replicas);
  });
  afterAll(() => replicas.stop());

  it('is refused as retryable (503), never as a treaty not found, and stored once a leader answers', async () => {
    const id = 'stranger-at-seed';
    const developments = `/treaties/${id}/developments`;
    // Registered through A; B keeps the treaty's state after a write of its own (decision 0010).
    await post(replicaA.http, '/treaties', { ...RU_IR, id }).expect(201);
    await post(replicaB.http, developments, signatureReportedBy('Moscow')).expect(201);

    await cluster.stopNode(0);
    const stopStranger = await cluster.startStrangerAt(0);
    try {
      // B's first call may still fail on the connection the leader's death reset; then it reaches the stranger.
      for (const attempt of [1, 2]) {
        const retried = await post(replicaB.http, developments, signatureReportedBy('Tehran')).set(
          'Idempotency-Key',
          'during-the-election',
        );
        expect({ attempt, status: retried.status, code: retried.body.code }).toEqual({
          attempt,
          status: 503,
          code: 'EVENT_STORE_UNAVAILABLE',
        });
        expect(retried.headers['retry-after']).toBeDefined();
      }
    } finally {
      await stopStranger();
    }

    cluster.elect(1);
    let stored = await post(replicaB.http, developments, signatureReportedBy('Tehran')).set(
      'Idempotency-Key',
      'during-the-election',
    );
    for (let attempt = 1; stored.status === 503 && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      stored = await post(replicaB.http, developments, signatureReportedBy('Tehran')).set(
        'Idempotency-Key',
        'during-the-election',
      );
    }
    expect(stored.status).toBe(201);
    const events = await storedEvents(replicaB, id);
    expect(events.map((event) => event.id)).toEqual([expect.any(String), expect.any(String), stored.body.eventId]);
  });
});
