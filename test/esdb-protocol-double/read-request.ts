import { checkpointIntervalOf, type EventFilter, eventFilterFrom } from './event-filter';
import { ReadReq } from './protocol';
import { exceptionThrownByHandler, invalidCombination } from './rpc-errors';
import type { LogPosition } from './stored-event';
import type { UuidFormat } from './uuid-message';

export type Direction = 'forwards' | 'backwards';
export type StreamPoint = 'start' | 'end' | bigint;
export type AllPoint = 'start' | 'end' | LogPosition;

/** What one `Streams.Read` call asks for: the one RPC carries stream reads, $all reads and both subscriptions. */
export type ReadRequest = { readonly uuidFormat: UuidFormat } & (
  | { kind: 'read-stream'; streamName: string; from: StreamPoint; direction: Direction; maxCount: number }
  | { kind: 'read-all'; from: AllPoint; direction: Direction; maxCount: number; filter?: EventFilter }
  | { kind: 'subscribe-to-stream'; streamName: string; from: StreamPoint }
  | { kind: 'subscribe-to-all'; from: AllPoint; filter?: { accepts: EventFilter; checkpointInterval: number } }
);

const { CountOptionCase, FilterOptionCase, ReadDirection } = ReadReq.Options;

/** Throws an RpcError for the requests the server refuses. */
export function parseReadRequest(request: ReadReq): ReadRequest {
  const options = request.getOptions();
  const uuidOption = options?.getUuidOption();
  if (!options || !uuidOption) throw exceptionThrownByHandler();
  const uuidFormat = uuidOption.hasStructured() ? 'structured' : 'string';
  const direction = options.getReadDirection() === ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
  const filterOptions = options.getFilterOptionCase() === FilterOptionCase.FILTER ? options.getFilter() : undefined;
  const stream = options.getStream();
  const all = options.getAll();

  switch (options.getCountOptionCase()) {
    case CountOptionCase.COUNT: {
      const maxCount = countOf(options.getCount());
      if (stream && !filterOptions) {
        return {
          kind: 'read-stream',
          uuidFormat,
          streamName: streamNameOf(stream),
          from: streamPoint(stream),
          direction,
          maxCount,
        };
      }
      if (all) {
        return {
          kind: 'read-all',
          uuidFormat,
          from: allPoint(all),
          direction,
          maxCount,
          ...(filterOptions && { filter: eventFilterFrom(filterOptions) }),
        };
      }
      break;
    }
    case CountOptionCase.SUBSCRIPTION: {
      if (direction === 'backwards') break;
      if (stream && !filterOptions) {
        return { kind: 'subscribe-to-stream', uuidFormat, streamName: streamNameOf(stream), from: streamPoint(stream) };
      }
      if (all) {
        const filter = filterOptions && {
          accepts: eventFilterFrom(filterOptions),
          checkpointInterval: checkpointIntervalOf(filterOptions),
        };
        return { kind: 'subscribe-to-all', uuidFormat, from: allPoint(all), ...(filter && { filter }) };
      }
      break;
    }
  }
  // Named as the server prints its (stream, count, direction, filter) tuple.
  throw invalidCombination(
    `(${stream ? 'Stream' : 'All'}, ${options.hasSubscription() ? 'Subscription' : 'Count'}, ` +
      `${direction === 'forwards' ? 'Forwards' : 'Backwards'}, ${filterOptions ? 'Filter' : 'NoFilter'})`,
  );
}

/** A uint64 count: counts past what an array can hold mean "all of them". */
function countOf(count: string): number {
  return Number(BigInt(count) > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : BigInt(count));
}

function streamNameOf(options: ReadReq.Options.StreamOptions): string {
  const name = Buffer.from(options.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
  if (name === '') throw exceptionThrownByHandler();
  return name;
}

function streamPoint(options: ReadReq.Options.StreamOptions): StreamPoint {
  if (options.hasRevision()) return BigInt(options.getRevision());
  return options.hasEnd() ? 'end' : 'start';
}

function allPoint(options: ReadReq.Options.AllOptions): AllPoint {
  const position = options.getPosition();
  if (position) return { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  return options.hasEnd() ? 'end' : 'start';
}
