export {
  DEFAULT_MAX_APPEND_SIZE,
  type EsdbProtocolDouble,
  type EsdbProtocolDoubleOptions,
  startEsdbProtocolDouble,
} from './esdb-protocol-double';
export {
  type ClusterBackup,
  type ClusterNodeState,
  type ClusterNodeView,
  type EsdbProtocolCluster,
  type EsdbProtocolClusterOptions,
  startEsdbProtocolCluster,
} from './esdb-protocol-cluster';
export type { AppendCrash, PlantedDenial } from './node-role';
export { EVENTSTOREDB_21_6, EVENTSTOREDB_24_10, KURRENTDB_25_1, type ServerVersion } from './server-version';
