import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, StreamNotFoundError, type EventStore, type RecordedEvent } from '@timeline/event-store';
import { toJsonView, toTreatyEnvelope, type JsonView } from '@timeline/projections';
import {
  decide,
  toEventData,
  treatyStatusView,
  treatyStreamName,
  treatyTimelineView,
  type TreatyCommand,
  type TreatyEventEnvelope,
} from '@timeline/treaty';
import { CLOCK, latestDateOnEarth, type Clock } from '../../clock';
import { foldDecisionState } from '../decision-state/decision-state';
import { eventIdFor, replay } from './treaty-commands.service';
import { staleIfMatch, writtenUnderKey } from './treaty-writer.service';
import { idempotencyOf } from './request-fingerprint';
import type { WriteRequest } from './write-request';

/** What a write would do, decided on the stream as it stands, with nothing appended. */
export interface DryRunOutcome {
  readonly dryRun: true;
  readonly treatyId: string;
  /** The stream revision the decision was made on (the If-Match that would hold), or null for no stream yet. */
  readonly revision: bigint | null;
  /** The event the write would append; null when an Idempotency-Key names an earlier identical write. */
  readonly wouldAppend: { readonly eventId: string; readonly eventType: string; readonly data: unknown } | null;
  /** Set when the write would be a retry: the id of the event that already answers it. */
  readonly replayOf: string | null;
  /** The treaty's status and timeline views as they would stand after the write. */
  readonly status: JsonView | null;
  readonly timeline: JsonView | null;
}

/**
 * Dry runs of the editors' writes: the same read, If-Match check, idempotency check and decision as
 * `TreatyCommands.execute`, then the treaty's views folded from its stream plus the would-be event, and no append.
 * Kept apart from the write path so that nothing here can append, and so that the write path stays as it is.
 */
@Injectable()
export class TreatyDryRun {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async decide(
    treatyId: string,
    commandFor: (eventId: string) => TreatyCommand,
    request: WriteRequest,
  ): Promise<DryRunOutcome> {
    const streamName = treatyStreamName(treatyId);
    // The views need every event, so the stream is read whole here; the decision state is folded from it.
    const events = await this.load(streamName);
    const last = events[events.length - 1];
    const decision = foldDecisionState(events);
    const idempotency = idempotencyOf(request);
    const eventId = eventIdFor(request, idempotency);

    const earlier = writtenUnderKey(decision, eventId, request);
    if (earlier) {
      // Throws IDEMPOTENCY_KEY_REUSED for another body under the same key, as the write would.
      replay(treatyId, earlier, idempotency);
      return this.outcome(treatyId, events, null, { replayOf: earlier.id });
    }
    const stale = staleIfMatch(streamName, request.ifMatch, decision.revision);
    // Not counted in timeline_append_conflicts_total: a dry run never appends, so it never conflicts on an append.
    if (stale) throw stale;

    const now = this.clock();
    const event = decide(commandFor(eventId), decision.state, { today: latestDateOnEarth(now) });
    const wouldBe: TreatyEventEnvelope = {
      event,
      eventId,
      recordedAt: now,
      revision: last ? last.revision + 1n : 0n,
      // The global position is known only once appended; one past the stream's last is a lower bound.
      position: last ? last.position + 1n : 0n,
    };
    return this.outcome(treatyId, events, wouldBe, { replayOf: null });
  }

  private outcome(
    treatyId: string,
    events: RecordedEvent[],
    wouldBe: TreatyEventEnvelope | null,
    { replayOf }: { replayOf: string | null },
  ): DryRunOutcome {
    const envelopes = events.map(toTreatyEnvelope);
    if (wouldBe) envelopes.push(wouldBe);
    // The present the write would leave, as GET /treaties/{id} would show it today (decision 0035).
    const status = treatyStatusView(envelopes, { today: latestDateOnEarth(this.clock()) });
    const timeline = treatyTimelineView(envelopes);
    const last = events[events.length - 1];
    return {
      dryRun: true,
      treatyId,
      revision: last ? last.revision : null,
      wouldAppend: wouldBe
        ? { eventId: wouldBe.eventId, eventType: wouldBe.event.type, data: toEventData(wouldBe.event) }
        : null,
      replayOf,
      status: status ? toJsonView(status) : null,
      timeline: timeline ? toJsonView(timeline) : null,
    };
  }

  private async load(streamName: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const event of this.store.readStream(streamName)) events.push(event);
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return events;
  }
}
