import { IdempotencyConflictError } from './errors';
import type { AppendResult, NewEvent } from './events';

/** Where an event id is already stored, as far as idempotency needs to know. */
export interface StoredEventRef {
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
}

/**
 * Decides whether an append is new or a retry of one already stored, from where each of its event ids is
 * stored (undefined: not stored). A retry must name stored events of the same stream, in the same consecutive
 * order, and gets back the result the original append returned. Anything in between is refused: writing the
 * missing events would make a half-duplicated append.
 */
export function classifyAppend(
  streamName: string,
  events: readonly NewEvent[],
  stored: readonly (StoredEventRef | undefined)[],
): { kind: 'new' } | { kind: 'retry'; result: AppendResult } {
  const found = stored.filter((ref): ref is StoredEventRef => ref !== undefined);
  if (found.length === 0) return { kind: 'new' };
  const ids = events.map((event) => event.id);
  if (found.length !== events.length) {
    throw new IdempotencyConflictError(streamName, ids, 'some of these event ids are already stored and some are not');
  }
  const first = found[0]!;
  const consecutive = found.every(
    (ref, index) => ref.streamName === streamName && ref.revision === first.revision + BigInt(index),
  );
  if (!consecutive) {
    throw new IdempotencyConflictError(
      streamName,
      ids,
      'these event ids are already stored in another stream or order',
    );
  }
  const last = found[found.length - 1]!;
  return {
    kind: 'retry',
    result: { nextExpectedRevision: last.revision, position: last.position },
  };
}
