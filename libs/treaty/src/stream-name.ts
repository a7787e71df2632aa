/** Every treaty stream's name starts with this: projections subscribe to the log filtered on it. */
export const TREATY_STREAM_PREFIX = 'treaty-';
const PREFIX = TREATY_STREAM_PREFIX;

/** One stream per treaty: every development of a treaty is decided against that stream alone. */
export function treatyStreamName(treatyId: string): string {
  return PREFIX + treatyId;
}

/** The treaty id of a treaty stream, or undefined for any other stream (projections read the whole log). */
export function treatyIdFromStreamName(streamName: string): string | undefined {
  if (!streamName.startsWith(PREFIX) || streamName.length === PREFIX.length) return undefined;
  return streamName.slice(PREFIX.length);
}
