import type { Principal } from '../../auth/api-keys';

/** The revisions an If-Match names: at least one. */
export type Revisions = readonly [bigint, ...bigint[]];

/** Who asks for a write and under which HTTP conditions: what the application layer needs from the request. */
export interface WriteRequest {
  readonly principal: Principal;
  readonly correlationId: string;
  /** From `Idempotency-Key`: the same key and body again returns the first answer and appends nothing. */
  readonly idempotencyKey?: string;
  /**
   * From `If-Match`: the stream revisions the editor's tags name (one, usually: the last read), any of which holds;
   * `*` asks only that the treaty exists.
   */
  readonly ifMatch?: Revisions | '*';
  /** Route and body, fingerprinted to tell a retry from a different request under the same key. */
  readonly route: string;
  readonly body: unknown;
}

/** What every accepted write answers. */
export interface WriteOutcome {
  readonly treatyId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly revision: bigint;
  readonly position: bigint;
  /** True when this answers a retry: nothing was appended this time. */
  readonly replayed: boolean;
}
