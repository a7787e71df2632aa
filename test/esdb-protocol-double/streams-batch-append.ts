import type { handleBidiStreamingCall } from '@grpc/grpc-js';
import type { Status } from '@eventstore/db-client/generated/status_pb';
import type { AppendOutcome, InMemoryLog } from './in-memory-log';
import { type NodeContext, requiresLeader, type WriteDenial, writeDenial } from './node-role';
import { AllStreamPosition, BatchAppendReq, BatchAppendResp, Empty, StreamIdentifier, type UUID } from './protocol';
import { notLeader } from './rpc-errors';
import {
  badRequestStatus,
  maximumAppendEventSizeExceededStatus,
  maximumAppendSizeExceededStatus,
  notHandledStatus,
  streamDeletedStatus,
  timeoutStatus,
  wrongExpectedVersionStatus,
} from './rpc-status';
import type { ServerVersion } from './server-version';
import type { ExpectedRevision, ProposedEvent } from './stored-event';
import { sizeOnDisk } from './streams-append';
import { uuidFromMessage } from './uuid-message';

export interface BatchAppendTimeouts {
  /** The server's WriteTimeoutMs: a request's deadline is capped at it. */
  readonly writeTimeoutMs: number;
  /** How long a dropped write (IdempotentNotReady) waits before it is answered with Timeout: CommitTimeoutMs. */
  readonly commitTimeoutMs: number;
}

/** An append whose messages are still arriving, keyed by its correlation id. */
interface PendingWrite {
  readonly correlationId: UUID;
  readonly streamName: string;
  readonly expected: ExpectedRevision;
  readonly events: ProposedEvent[];
  size: number;
  readonly timer: NodeJS.Timeout;
}

const { ExpectedStreamPositionCase } = BatchAppendReq.Options;

/**
 * `Streams.BatchAppend`, as the server's BatchAppendWorker runs it (src/KurrentDB.Core/Services/Transport/Grpc/
 * Streams.BatchAppend.cs): one duplex call carries many appends, each a run of requests sharing a correlation id,
 * the first with options, the last marked final; each append is answered by one response with that correlation id,
 * in the order the appends complete, with a success or a `google.rpc.Status`.
 *
 * - The deadline is the client's absolute timestamp, capped at the server's write timeout; an append already past
 *   it is answered Timeout, and one still arriving when it passes too.
 * - Sizes are checked as events arrive: one event over MaxAppendEventSize (25.1+), or the whole append over
 *   MaxAppendSize, is answered with its status and the rest of that append ignored.
 * - A node that does not handle the write (not ready, too busy, not the leader without knowing one) answers a
 *   Status with empty details, which client 6.2.1 raises as UnknownError. Not the leader and knowing it: the
 *   server throws NotLeader out of its response callback, which ends the whole call with that error, failing
 *   every append in flight on it; the client reconnects to the leader named.
 * - A copy of an append written but not yet committed (IdempotentNotReady) is dropped: answered Timeout after the
 *   commit timeout.
 * - Once the client half-closes, the call ends when every append in flight has been answered.
 */
export function batchAppendHandler(
  log: InMemoryLog,
  server: ServerVersion,
  node: NodeContext,
  crash: () => void,
  timeouts: BatchAppendTimeouts,
): handleBidiStreamingCall<BatchAppendReq, BatchAppendResp> {
  return (call) => {
    const leaderRequired = requiresLeader(call.metadata);
    const pending = new Map<string, PendingWrite>();
    const timers = new Set<NodeJS.Timeout>();
    let inFlight = 0;
    let clientDone = false;
    let ended = false;

    const endIfDone = (): void => {
      if (clientDone && inFlight === 0 && !ended) {
        ended = true;
        call.end();
      }
    };
    const stop = (): void => {
      ended = true;
      for (const timer of timers) clearTimeout(timer);
      for (const write of pending.values()) clearTimeout(write.timer);
      pending.clear();
    };
    const respond = (response: BatchAppendResp): void => {
      if (!ended) call.write(response);
    };
    const fail = (correlationId: UUID | undefined, streamName: string | undefined, error: Status): void =>
      respond(response(correlationId, streamName).setError(error));
    const later = (ms: number, action: () => void): void => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        action();
      }, ms);
      timers.add(timer);
    };

    const complete = (write: PendingWrite): void => {
      inFlight += 1;
      const done = (answer: BatchAppendResp | undefined): void => {
        inFlight -= 1;
        if (answer) respond(answer);
        endIfDone();
      };
      const denial = writeDenial(node.role(), leaderRequired, node.takeAppendDenial());
      if (denial?.kind === 'not-leader') {
        stop();
        call.emit('error', notLeader(denial.leader.host, denial.leader.port));
        return;
      }
      if (denial) return done(response(write.correlationId, write.streamName).setError(notHandled(denial)));
      const planted = node.role().kind === 'leader' ? node.takeAppendCrash() : undefined;
      if (planted === 'before-commit') return crash();
      const outcome = log.append(write.streamName, write.expected, write.events);
      if (planted === 'after-commit') return crash();
      if (outcome.kind === 'idempotent-not-ready') {
        return later(timeouts.commitTimeoutMs, () =>
          done(response(write.correlationId, write.streamName).setError(timeoutStatus())),
        );
      }
      if (outcome.kind === 'stream-deleted') {
        return done(response(write.correlationId, write.streamName).setError(streamDeletedStatus(write.streamName)));
      }
      const answer = (): void => done(answerFor(write, outcome));
      if (outcome.kind !== 'wrong-expected-version' && outcome.committed) void outcome.committed.then(answer);
      else answer();
    };

    call.on('data', (request: BatchAppendReq) => {
      if (ended) return;
      const correlationUuid = request.getCorrelationId();
      const correlationId = uuidFromMessage(correlationUuid);
      const options = request.getOptions();
      if (correlationId === undefined || correlationUuid === undefined) {
        return fail(correlationUuid, streamNameOf(options), badRequestStatus('Invalid correlation id.'));
      }
      if (options) {
        const streamName = streamNameOf(options);
        if (!streamName) {
          return fail(correlationUuid, undefined, badRequestStatus('Required field StreamIdentifier not set.'));
        }
        const expected = expectedOf(options);
        if (expected === undefined)
          return fail(correlationUuid, streamName, badRequestStatus('Invalid expected position.'));
        const timeoutMs = Math.min(requestedTimeoutMs(options), timeouts.writeTimeoutMs);
        if (timeoutMs <= 0) return fail(correlationUuid, streamName, timeoutStatus());
        node.appendReceived('batch-append');
        if (!pending.has(correlationId)) {
          const timer = setTimeout(() => {
            if (pending.get(correlationId)?.timer !== timer) return;
            pending.delete(correlationId);
            fail(correlationUuid, streamName, timeoutStatus());
          }, timeoutMs);
          pending.set(correlationId, {
            correlationId: correlationUuid,
            streamName,
            expected,
            events: [],
            size: 0,
            timer,
          });
        }
      }
      const write = pending.get(correlationId);
      if (!write) return;
      const refusal = addEvents(write, request.getProposedMessagesList(), server);
      if (refusal) {
        clearTimeout(write.timer);
        pending.delete(correlationId);
        return fail(correlationUuid, write.streamName, refusal);
      }
      if (!request.getIsFinal()) return;
      clearTimeout(write.timer);
      pending.delete(correlationId);
      complete(write);
    });
    call.on('end', () => {
      clientDone = true;
      endIfDone();
    });
    call.on('cancelled', stop);
    call.on('error', stop);
  };
}

/** Adds the events of one request to its append; a status when they break a size limit or are malformed. */
function addEvents(
  write: PendingWrite,
  messages: readonly BatchAppendReq.ProposedMessage[],
  server: ServerVersion,
): Status | undefined {
  for (const message of messages) {
    const metadata = message.getMetadataMap();
    const type = metadata.get('type');
    const contentType = metadata.get('content-type');
    if (type === undefined || contentType === undefined) {
      return badRequestStatus(
        `Required Metadata Property '${type === undefined ? 'type' : 'content-type'}' is missing`,
      );
    }
    const id = uuidFromMessage(message.getId());
    if (id === undefined || type === '') return badRequestStatus('Invalid event id or type.');
    const data = message.getData_asU8();
    const customMetadata = message.getCustomMetadata_asU8();
    const size = sizeOnDisk(type, data, customMetadata);
    if (server.maxAppendEventSize !== undefined && size > server.maxAppendEventSize) {
      return maximumAppendEventSizeExceededStatus(id, size, server.maxAppendEventSize);
    }
    write.size += size;
    write.events.push({ id, type, isJson: contentType === 'application/json', data, customMetadata });
  }
  return write.size > server.maxAppendSize ? maximumAppendSizeExceededStatus(server.maxAppendSize) : undefined;
}

function answerFor(
  write: PendingWrite,
  outcome: Exclude<AppendOutcome, { kind: 'idempotent-not-ready' | 'stream-deleted' }>,
): BatchAppendResp {
  const answer = response(write.correlationId, write.streamName);
  if (outcome.kind === 'wrong-expected-version') {
    return answer.setError(wrongExpectedVersionStatus(outcome.currentRevision, write.expected));
  }
  const success = new BatchAppendResp.Success();
  if (outcome.lastRevision < 0n) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  if (outcome.position === undefined) success.setNoPosition(new Empty());
  else {
    const position = outcome.position.toString();
    success.setPosition(new AllStreamPosition().setCommitPosition(position).setPreparePosition(position));
  }
  return answer.setSuccess(success);
}

/** The messages of the server's NotHandled answers (Streams.BatchAppend.cs, ConvertMessage). */
function notHandled(denial: Exclude<WriteDenial, { kind: 'not-leader' }>): Status {
  switch (denial.kind) {
    case 'not-ready':
      return notHandledStatus('Server Is Not Ready');
    case 'too-busy':
      return notHandledStatus('Server Is Busy');
    case 'no-leader-info':
      return notHandledStatus('No leader info available in response');
  }
}

function response(correlationId: UUID | undefined, streamName: string | undefined): BatchAppendResp {
  const answer = new BatchAppendResp();
  if (correlationId) answer.setCorrelationId(correlationId);
  if (streamName !== undefined) {
    answer.setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8')));
  }
  return answer;
}

function streamNameOf(options: BatchAppendReq.Options | undefined): string | undefined {
  const name = options?.getStreamIdentifier()?.getStreamName_asU8();
  return name && name.byteLength > 0 ? Buffer.from(name).toString('utf8') : undefined;
}

function expectedOf(options: BatchAppendReq.Options): ExpectedRevision | undefined {
  switch (options.getExpectedStreamPositionCase()) {
    case ExpectedStreamPositionCase.STREAM_POSITION:
      return BigInt(options.getStreamPosition());
    case ExpectedStreamPositionCase.NO_STREAM:
      return 'no_stream';
    case ExpectedStreamPositionCase.ANY:
      return 'any';
    case ExpectedStreamPositionCase.STREAM_EXISTS:
      return 'stream_exists';
    default:
      return undefined;
  }
}

/** Client 6.2.1 sends an absolute timestamp (`deadline_21_10_0`); without one, the server waits without limit. */
function requestedTimeoutMs(options: BatchAppendReq.Options): number {
  const deadline = options.getDeadline();
  if (!deadline) return Number.POSITIVE_INFINITY;
  return deadline.getSeconds() * 1000 + Math.floor(deadline.getNanos() / 1e6) - Date.now();
}
