import type { ReadReq } from './protocol';
import { exceptionThrownByHandler } from './rpc-errors';
import type { StoredEvent } from './stored-event';

export type EventFilter = (event: StoredEvent) => boolean;

/** The server's default search window, in events, when the request asks for none (its read batch size). */
const DEFAULT_MAX_SEARCH_WINDOW = 32;

/**
 * A server-side $all filter, as EventStoreDB's EventFilter builds it (src/EventStore.Core/Services/Storage/
 * ReaderIndex/EventFilter.cs): on the stream name or on the event type, by prefixes or, when the request has
 * one, by a regular expression (JavaScript's dialect here, .NET's there: the same for the usual patterns).
 * Filtered $all reads also drop a few bookkeeping streams of the server whatever the filter says.
 */
export function eventFilterFrom(options: ReadReq.Options.FilterOptions): EventFilter {
  if (!options.hasStreamIdentifier() && !options.hasEventType()) throw exceptionThrownByHandler();
  const onStreamName = options.hasStreamIdentifier();
  const expression = onStreamName ? options.getStreamIdentifier() : options.getEventType();
  const regex = expression?.getRegex() ?? '';
  const prefixes = expression?.getPrefixList() ?? [];
  const pattern = regex !== '' ? new RegExp(regex) : undefined;
  const matches = (text: string): boolean =>
    pattern ? pattern.test(text) : prefixes.some((prefix) => text.startsWith(prefix));
  return (event) => !isHiddenFromFilteredReads(event) && matches(onStreamName ? event.streamName : event.type);
}

/** Every this many events a filtered subscription considers, matching or not, it sends a checkpoint. */
export function checkpointIntervalOf(options: ReadReq.Options.FilterOptions): number {
  const multiplier = options.getCheckpointintervalmultiplier();
  if (multiplier === 0) throw exceptionThrownByHandler();
  return multiplier * (options.hasMax() ? options.getMax() : DEFAULT_MAX_SEARCH_WINDOW);
}

function isHiddenFromFilteredReads({ streamName }: StoredEvent): boolean {
  if (!streamName.startsWith('$')) return false;
  return (
    streamName === '$epoch-information' ||
    (streamName.startsWith('$persistentsubscription-$all::') &&
      (streamName.endsWith('-checkpoint') || streamName.endsWith('-parked')))
  );
}
