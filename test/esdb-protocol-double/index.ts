export {
  DEFAULT_MAX_APPEND_SIZE,
  type EsdbProtocolDouble,
  type EsdbProtocolDoubleOptions,
  startEsdbProtocolDouble,
} from './esdb-protocol-double';
