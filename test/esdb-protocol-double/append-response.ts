import type { AppendOutcome } from './in-memory-log';
import { AppendResp, Empty } from './protocol';
import { type ExpectedRevision, NO_STREAM } from './stored-event';

/**
 * The answer to an append, as the server's Streams.Append builds it (src/EventStore.Core/Services/Transport/
 * Grpc/Streams.Append.cs). A wrong expected version is a normal answer, not an error status: it carries the
 * stream's current revision (or no stream) and what the append expected, in the current fields and, for clients
 * older than 20.6.1, in the deprecated `*_20_6_0` ones.
 */
export function appendResponse(
  outcome: Exclude<AppendOutcome, { kind: 'idempotent-not-ready' | 'stream-deleted' }>,
  expected: ExpectedRevision,
): AppendResp {
  if (outcome.kind === 'wrong-expected-version') {
    return new AppendResp().setWrongExpectedVersion(wrongExpectedVersion(outcome.currentRevision, expected));
  }
  const success = new AppendResp.Success();
  if (outcome.lastRevision === NO_STREAM) success.setNoStream(new Empty());
  else success.setCurrentRevision(outcome.lastRevision.toString());
  if (outcome.position === undefined) {
    success.setNoPosition(new Empty());
  } else {
    const position = outcome.position.toString();
    success.setPosition(new AppendResp.Position().setCommitPosition(position).setPreparePosition(position));
  }
  return new AppendResp().setSuccess(success);
}

function wrongExpectedVersion(currentRevision: bigint, expected: ExpectedRevision): AppendResp.WrongExpectedVersion {
  const answer = new AppendResp.WrongExpectedVersion();
  if (currentRevision === NO_STREAM) {
    answer.setCurrentNoStream(new Empty()).setNoStream2060(new Empty());
  } else {
    answer.setCurrentRevision(currentRevision.toString());
    setIfSafe(currentRevision, (revision) => answer.setCurrentRevision2060(revision));
  }
  switch (expected) {
    case 'any':
      answer.setExpectedAny(new Empty()).setAny2060(new Empty());
      break;
    case 'stream_exists':
      answer.setExpectedStreamExists(new Empty()).setStreamExists2060(new Empty());
      break;
    case 'no_stream':
      // The server also sets expected_revision_20_6_0 to 2^64 - 1 here, which this JavaScript field (a number)
      // cannot carry exactly; current clients read only expected_no_stream.
      answer.setExpectedNoStream(new Empty());
      break;
    default:
      answer.setExpectedRevision(expected.toString());
      setIfSafe(expected, (revision) => answer.setExpectedRevision2060(revision));
  }
  return answer;
}

/** The deprecated fields are plain JavaScript numbers in the generated code. */
function setIfSafe(revision: bigint, set: (revision: number) => void): void {
  if (revision <= BigInt(Number.MAX_SAFE_INTEGER)) set(Number(revision));
}
