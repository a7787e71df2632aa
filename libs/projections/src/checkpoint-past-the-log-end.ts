/** What a projection has applied of the log, as its runner knows it. */
export interface AppliedSoFar {
  /** Its checkpoint: the position of the last entry applied (an event, or a stream's deletion). */
  readonly position: bigint | undefined;
  /**
   * The furthest position at which it has seen the log hold an event: the events it applied, and the log's last
   * event when it started. Deletions are no events: reads of the log skip them (decision 0058).
   */
  readonly furthestEvent: bigint | undefined;
}

/**
 * Why a read model claims more of the log than the log holds, or undefined when it does not. `end` is the position
 * of the log's last event (undefined: none), read after `applied` was: the log only grows, so a read model of this
 * log is never found ahead of it. A checkpoint past the last event is not enough: a stream deleted for good may be
 * recorded last. An event the projection saw past the last one is: EventStoreDB never takes an event back, so the
 * log was restored from an older backup (or replaced) under the running service (decision 0064).
 */
export function checkpointPastTheLogEnd(
  name: string,
  applied: AppliedSoFar,
  end: bigint | undefined,
): string | undefined {
  const { position, furthestEvent } = applied;
  if (position === undefined || furthestEvent === undefined) return undefined;
  if (end !== undefined && (position <= end || furthestEvent <= end)) return undefined;
  return (
    `Read model "${name}" has applied the log up to position ${position}, but the log ` +
    `${end === undefined ? 'holds no event' : `ends at ${end}`}, before the event at ${furthestEvent} it applied or saw: ` +
    'the store was restored from an older backup (or replaced) under this service, whose read models serve what ' +
    'it no longer holds; stop the service, rebuild its read models (npm run projections:rebuild) and start it again'
  );
}
