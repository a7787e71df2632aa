import { EventStoreUnavailableError } from '@timeline/event-store';

/**
 * A node answered from a log, or a copy of a stream, that ends before what this store has already seen there: it is
 * not (or not yet) the leader of this log. Retryable, as the store being unavailable: the store also replaces its
 * client, whose next call discovers the cluster again instead of asking the same node (decisions 0051, 0058).
 */
export class LogBehindError extends EventStoreUnavailableError {}
