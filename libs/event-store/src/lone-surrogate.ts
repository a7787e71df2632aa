/**
 * A lone surrogate: half of a UTF-16 pair. It has no UTF-8 form, so a store that keeps or compares text as UTF-8
 * (SQLite, EventStoreDB) sees another string than the one given (U+FFFD in its place), and stores disagree on it.
 */
const LONE_SURROGATE = /\p{Cs}/u;

export function hasLoneSurrogate(text: string): boolean {
  return LONE_SURROGATE.test(text);
}
