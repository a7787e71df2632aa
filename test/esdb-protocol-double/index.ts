export {
  DEFAULT_MAX_APPEND_SIZE,
  type EsdbProtocolDouble,
  type EsdbProtocolDoubleOptions,
  startEsdbProtocolDouble,
} from './esdb-protocol-double';
export {
  type ClusterNodeState,
  type ClusterNodeView,
  type EsdbProtocolCluster,
  type EsdbProtocolClusterOptions,
  startEsdbProtocolCluster,
} from './esdb-protocol-cluster';
export type { AppendCrash } from './node-role';
