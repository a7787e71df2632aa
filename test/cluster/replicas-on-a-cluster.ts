import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';

/** One replica of the service, in this process, on a three-node protocol double. */
export interface OneReplica {
  readonly cluster: EsdbProtocolCluster;
  readonly subject: TestApp;
  stop(): Promise<void>;
}

/** Two replicas of the service, in this process, on one three-node protocol double. */
export interface TwoReplicas {
  readonly cluster: EsdbProtocolCluster;
  readonly a: TestApp;
  readonly b: TestApp;
  stop(): Promise<void>;
}

async function replicasOnACluster(count: number): Promise<{ cluster: EsdbProtocolCluster; apps: TestApp[] }> {
  const cluster = await startEsdbProtocolCluster();
  const store = { kind: 'eventstoredb', connectionString: cluster.connectionString } as const;
  const apps: TestApp[] = [];
  for (let index = 0; index < count; index++) apps.push(await startTestApp({ store }));
  return { cluster, apps };
}

async function stopAll(cluster: EsdbProtocolCluster, apps: readonly TestApp[]): Promise<void> {
  for (const app of apps) await app.close();
  await cluster.stop();
}

export async function startOneReplica(): Promise<OneReplica> {
  const { cluster, apps } = await replicasOnACluster(1);
  return { cluster, subject: apps[0]!, stop: () => stopAll(cluster, apps) };
}

export async function startTwoReplicas(): Promise<TwoReplicas> {
  const { cluster, apps } = await replicasOnACluster(2);
  return { cluster, a: apps[0]!, b: apps[1]!, stop: () => stopAll(cluster, apps) };
}
