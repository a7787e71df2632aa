import { startEsdbProtocolCluster, type EsdbProtocolCluster } from '../esdb-protocol-double';
import { startTestApp, type TestApp } from '../support/test-app';

/** Two replicas of the service, in this process, on one three-node protocol double. */
export interface TwoReplicas {
  readonly cluster: EsdbProtocolCluster;
  readonly a: TestApp;
  readonly b: TestApp;
  stop(): Promise<void>;
}

export async function startTwoReplicas(): Promise<TwoReplicas> {
  const cluster = await startEsdbProtocolCluster();
  const store = { kind: 'eventstoredb', connectionString: cluster.connectionString } as const;
  const a = await startTestApp({ store });
  const b = await startTestApp({ store });
  return {
    cluster,
    a,
    b,
    async stop() {
      await a.close();
      await b.close();
      await cluster.stop();
    },
  };
}
