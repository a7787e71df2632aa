import type { StoredEventRef } from '@timeline/event-store';
import type { AppendOutcome, EncodedAppend } from './group-writer';

/**
 * What crosses between the event loop and the append worker: a group of appends one way, their outcomes the
 * other, each as one flat array of strings and bigints. Structured cloning copies every object of a message one by
 * one, so a group of 32 appends as objects cost about twice as much per round trip as the same values laid flat
 * (decision 0017). The worker receives the decoding and encoding functions as source text, so each stays
 * self-contained (no imported value, no helper outside its body).
 */
export type GroupMessage = (string | bigint)[];

/** Per append: stream, expected revision (a sentinel's name or a bigint), recorded at, event count, then per event id, type, data, metadata. */
export function encodeGroup(group: readonly EncodedAppend[]): GroupMessage {
  const message: GroupMessage = [];
  for (const append of group) {
    message.push(append.streamName, append.expected, append.recordedAt, String(append.ids.length));
    for (let index = 0; index < append.ids.length; index++) {
      message.push(append.ids[index]!, append.types[index]!, append.data[index]!, append.metadata[index]!);
    }
  }
  return message;
}

export function decodeGroup(message: GroupMessage): EncodedAppend[] {
  const group: EncodedAppend[] = [];
  let at = 0;
  while (at < message.length) {
    const streamName = message[at++] as string;
    const expected = message[at++] as EncodedAppend['expected'];
    const recordedAt = message[at++] as string;
    const count = Number(message[at++]);
    const ids: string[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    for (let index = 0; index < count; index++) {
      ids.push(message[at++] as string);
      types.push(message[at++] as string);
      data.push(message[at++] as string);
      metadata.push(message[at++] as string);
    }
    group.push({ streamName, expected, ids, types, data, metadata, recordedAt });
  }
  return group;
}

/**
 * Per outcome its kind, then: appended, the next expected revision and the position; wrong-revision, the current
 * revision (or `no_stream`); refused, the message; already-stored, the event count, then per event `-` when it is
 * not stored, or `+`, its stream, revision and position.
 */
export function encodeOutcomes(outcomes: readonly AppendOutcome[]): GroupMessage {
  const message: GroupMessage = [];
  for (const outcome of outcomes) {
    message.push(outcome.kind);
    if (outcome.kind === 'appended') message.push(outcome.result.nextExpectedRevision, outcome.result.position);
    else if (outcome.kind === 'wrong-revision') message.push(outcome.current);
    else if (outcome.kind === 'refused') message.push(outcome.message);
    else {
      message.push(String(outcome.stored.length));
      for (const ref of outcome.stored) {
        if (ref === undefined) message.push('-');
        else message.push('+', ref.streamName, ref.revision, ref.position);
      }
    }
  }
  return message;
}

export function decodeOutcomes(message: GroupMessage): AppendOutcome[] {
  const outcomes: AppendOutcome[] = [];
  let at = 0;
  while (at < message.length) {
    const kind = message[at++] as AppendOutcome['kind'];
    if (kind === 'appended') {
      const nextExpectedRevision = message[at++] as bigint;
      const position = message[at++] as bigint;
      outcomes.push({ kind, result: { nextExpectedRevision, position } });
    } else if (kind === 'wrong-revision') {
      outcomes.push({ kind, current: message[at++] as bigint | 'no_stream' });
    } else if (kind === 'refused') {
      outcomes.push({ kind, message: message[at++] as string });
    } else {
      const count = Number(message[at++]);
      const stored: (StoredEventRef | undefined)[] = [];
      for (let index = 0; index < count; index++) {
        if (message[at++] === '-') {
          stored.push(undefined);
          continue;
        }
        const streamName = message[at++] as string;
        const revision = message[at++] as bigint;
        const position = message[at++] as bigint;
        stored.push({ streamName, revision, position });
      }
      outcomes.push({ kind, stored });
    }
  }
  return outcomes;
}
