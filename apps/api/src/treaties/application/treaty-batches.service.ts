import { Injectable } from '@nestjs/common';
import { newEventId } from '@timeline/event-store';
import { decide, evolve, type DevelopmentReport, type TreatyEvent, type TreatyState } from '@timeline/treaty';
import { v5 as uuidV5 } from 'uuid';
import { ApiProblem } from '../../problems/api-problem';
import { problemFromKnownError } from '../../problems/known-errors';
import type { DecisionState } from '../decision-state/decision-state';
import type { Idempotency } from './request-fingerprint';
import { IDEMPOTENCY_NAMESPACE } from './treaty-commands.service';
import { keyReused, TreatyWriter } from './treaty-writer.service';
import type { WriteRequest } from './write-request';

/** What a batch answers: the events appended (or found, for a retry) and the stream's revision after them. */
export interface BatchOutcome {
  readonly treatyId: string;
  readonly eventIds: readonly string[];
  readonly firstRevision: bigint;
  readonly revision: bigint;
  /** The global position of the batch's last event: pass it as ?minPosition= to read the whole batch. */
  readonly position: bigint;
  readonly replayed: boolean;
}

/**
 * Many developments of one treaty in one append, all or nothing: each is decided by the same decider as a
 * single report, on the state the ones before it leave, and the events are sealed in a chain and appended at
 * the revision the first was decided on. A refusal names the item (`index`); nothing is written.
 *
 * Idempotency as for single writes: under an Idempotency-Key each item's id is derived from the key, the
 * request's fingerprint and its index, and the first event carries the key, so a retry finds it and gets the
 * first answer back, another body under the key gets 422.
 */
@Injectable()
export class TreatyBatches {
  constructor(private readonly writer: TreatyWriter) {}

  /** Records the batch once this process's earlier writes to the treaty have settled (see OneWriteAtATime). */
  reportDevelopments(
    treatyId: string,
    developments: readonly DevelopmentReport[],
    request: WriteRequest,
  ): Promise<BatchOutcome> {
    return this.writer.write(treatyId, request, (idempotency) => {
      const eventIds = developments.map((_, index) => batchEventId(request, idempotency, index));
      return {
        eventIds,
        decide: (state, today) => decideAll(developments, eventIds, state, today),
        replay: (earlier, decision) => replayBatch(treatyId, decision, earlier.id, eventIds, idempotency),
        appended: (events, result) => ({
          treatyId,
          eventIds,
          firstRevision: result.nextExpectedRevision - BigInt(events.length - 1),
          revision: result.nextExpectedRevision,
          position: result.position,
          replayed: false,
        }),
      };
    });
  }
}

/** Each development decided on the state the ones before it leave; the first refusal names its item. */
function decideAll(
  developments: readonly DevelopmentReport[],
  eventIds: readonly string[],
  initial: TreatyState,
  today: string,
): TreatyEvent[] {
  let state = initial;
  return developments.map((development, index) => {
    try {
      const event = decide({ type: 'ReportDevelopment', data: { eventId: eventIds[index]!, development } }, state, {
        today,
      });
      state = evolve(state, event);
      return event;
    } catch (error) {
      throw atItem(index, error);
    }
  });
}

function batchEventId(request: WriteRequest, idempotency: Idempotency | undefined, index: number): string {
  return idempotency
    ? uuidV5(
        `${request.principal.keyId}\n${idempotency.key}\n${idempotency.fingerprint}\n${index}`,
        IDEMPOTENCY_NAMESPACE,
      )
    : newEventId();
}

/** The first answer to a batch already written under this key, or 422 when the key was used for another request. */
function replayBatch(
  treatyId: string,
  decision: DecisionState,
  firstId: string,
  eventIds: readonly string[],
  idempotency: Idempotency | undefined,
): BatchOutcome {
  const first = decision.keyed.byId.get(firstId);
  const last = decision.keyed.byId.get(eventIds[eventIds.length - 1]!);
  if (!idempotency || !first || !last || first.fingerprint !== idempotency.fingerprint || firstId !== eventIds[0]) {
    throw keyReused();
  }
  return {
    treatyId,
    eventIds,
    firstRevision: first.revision,
    revision: last.revision,
    position: last.position,
    replayed: true,
  };
}

/**
 * A refusal of one item, as the single route would answer it, with the item's index; the field it names is the
 * item's (`4.party`), as the validation errors name theirs.
 */
export function atItem(index: number, error: unknown): unknown {
  const known = error instanceof ApiProblem ? undefined : problemFromKnownError(error);
  if (error instanceof ApiProblem) {
    return new ApiProblem(error.status, error.code, `Item ${index}: ${error.message}`, {
      ...itemFields(index, error.extensions),
      index,
    });
  }
  if (known && known.status < 500) {
    const { type: _type, title: _title, status, detail, code, instance: _instance, ...extensions } = known;
    return new ApiProblem(status, code, `Item ${index}: ${detail}`, { ...itemFields(index, extensions), index });
  }
  return error;
}

function itemFields<T extends object>(index: number, extensions: T): T {
  const { field } = extensions as { field?: unknown };
  return typeof field === 'string' ? { ...extensions, field: `${index}.${field}` } : extensions;
}
