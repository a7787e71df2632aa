import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { EsdbProtocolCluster } from '../esdb-protocol-double';
import { whenReady, type TestApp } from '../support/test-app';
import { startOneReplica, type OneReplica } from './replicas-on-a-cluster';

// Nodes that answer reads do not make a cluster that takes writes: during an election every node serves reads and
// refuses writes. A replica is ready once a leader answers it (docs/cluster.md).
describe('readiness waits for a leader (three-node protocol double)', () => {
  let replica: OneReplica;
  let cluster: EsdbProtocolCluster;
  let subject: TestApp;
  beforeAll(async () => {
    replica = await startOneReplica();
    ({ cluster, subject } = replica);
  });
  afterAll(() => replica.stop());

  it('is not ready during an election, although every node answers reads; ready again once a leader is elected', async () => {
    expect((await whenReady(subject.http)).status).toBe(200);
    cluster.startElection();
    const electing = await request(subject.http).get('/health/ready').expect(503);
    expect(electing.body.error.eventStore).toMatchObject({ status: 'down' });
    await request(subject.http).get('/health').expect(200);
    cluster.elect(2);
    expect((await whenReady(subject.http)).status).toBe(200);
  });
});
