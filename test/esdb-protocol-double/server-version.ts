/**
 * The server a double models: what its `ServerFeatures` announces and which append limits it enforces. Clients
 * pick their code paths from the announcement (client 6.x appends through `Streams.BatchAppend` when it is
 * listed, through `Streams.Append` otherwise), so the double must announce the version whose behaviour it has.
 */
export interface ServerVersion {
  /** What `GetSupportedMethods` reports as `event_store_server_version`. */
  readonly version: string;
  /** False for servers older than 21.10: `GetSupportedMethods` is UNIMPLEMENTED, and so is `BatchAppend`. */
  readonly announcesFeatures: boolean;
  /** MaxAppendSize: the whole append, in the server's Event.SizeOnDisk bytes. */
  readonly maxAppendSize: number;
  /** MaxAppendEventSize (25.1+): one event; older servers check the whole append only. */
  readonly maxAppendEventSize: number | undefined;
}

const MiB = 1024 * 1024;

/**
 * KurrentDB 25.1 and later (ClusterVNodeOptions: MaxAppendSize = TFConsts.ChunkSize, 256 MiB; MaxAppendEventSize =
 * TFConsts.MaxLogRecordSize, 16 MiB). The double's default.
 */
export const KURRENTDB_25_1: ServerVersion = {
  version: '25.1.0',
  announcesFeatures: true,
  maxAppendSize: 256 * MiB,
  maxAppendEventSize: 16 * MiB,
};

/** EventStoreDB 21.10 to 24.10: ServerFeatures and BatchAppend, one limit of 1 MiB on the whole append. */
export const EVENTSTOREDB_24_10: ServerVersion = {
  version: '24.10.0',
  announcesFeatures: true,
  maxAppendSize: MiB,
  maxAppendEventSize: undefined,
};

/** EventStoreDB before 21.10 (20.10, 21.6): no ServerFeatures, no BatchAppend; 1 MiB per append. */
export const EVENTSTOREDB_21_6: ServerVersion = {
  version: '21.6.0',
  announcesFeatures: false,
  maxAppendSize: MiB,
  maxAppendEventSize: undefined,
};
