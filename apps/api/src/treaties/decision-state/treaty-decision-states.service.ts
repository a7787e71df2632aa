import { Inject, Injectable } from '@nestjs/common';
import {
  EVENT_STORE,
  NO_STREAM,
  StreamNotFoundError,
  type EventStore,
  type RecordedEvent,
} from '@timeline/event-store';
import { treatyStreamName } from '@timeline/treaty';
import { APP_CONFIG, DEFAULT_DECISION_CACHE_SIZE, type AppConfig } from '../../config/app-config';
import { emptyDecisionState, withEvent, type DecisionState } from './decision-state';
import { LeastRecentlyUsed } from './least-recently-used';

/**
 * The one way a writer gets a treaty's decision state, with the states of the busiest treaties kept in memory
 * (least recently used first out), each at the revision it was folded to.
 *
 * A cached state is brought up to date by reading only the events after its revision (from the leader): one
 * indexed read that finds nothing unless another process (a replica, a CLI on the same file) wrote, so its cost
 * does not grow with the treaty's history, and what a writer decides on — If-Match, rules, the events written
 * under an Idempotency-Key — is what the store held a moment before, exactly as with a full read. Whatever is
 * written between that read and the append makes the append conflict at the expected revision; the writer then
 * forgets the entry and reads the stream again, as it did before this cache existed (decision 0010).
 */
@Injectable()
export class TreatyDecisionStates {
  private readonly states: LeastRecentlyUsed<string, DecisionState>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.states = new LeastRecentlyUsed(config.decisionCacheSize ?? DEFAULT_DECISION_CACHE_SIZE);
  }

  /** The treaty's state as the leader holds it now: the cached one with the events after it, or a full read. */
  async current(treatyId: string): Promise<DecisionState> {
    const cached = this.states.get(treatyId);
    if (!cached || cached.revision === NO_STREAM) return this.read(treatyId);
    let decision = cached;
    try {
      const after = { fromRevision: cached.revision + 1n, requiresLeader: true };
      for await (const event of this.store.readStream(treatyStreamName(treatyId), after)) {
        decision = withEvent(decision, event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
      // The stream is gone (a store restored from an older backup): forget what it no longer holds.
      this.states.delete(treatyId);
      return this.read(treatyId);
    }
    if (decision !== cached) this.remember(treatyId, decision);
    return decision;
  }

  /** The stream as the leader holds it now, folded, and kept for the next write. */
  async read(treatyId: string): Promise<DecisionState> {
    let decision = emptyDecisionState();
    try {
      for await (const event of this.store.readStream(treatyStreamName(treatyId), { requiresLeader: true })) {
        decision = withEvent(decision, event);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    this.remember(treatyId, decision);
    return decision;
  }

  /**
   * Keeps the state after this writer's own append of these events, as the store recorded them (so fresh ids
   * only: an id the store already held would be answered with the stored event). Never replaces a newer state:
   * appends may settle out of order.
   */
  appended(treatyId: string, decided: DecisionState, events: readonly RecordedEvent[]): void {
    let decision = decided;
    for (const event of events) decision = withEvent(decision, event);
    this.remember(treatyId, decision);
  }

  /** Forgets the state decided on at this revision: the store has moved on (or may have). */
  forget(treatyId: string, revision: DecisionState['revision']): void {
    const cached = this.states.get(treatyId);
    if (cached && cached.revision === revision) this.states.delete(treatyId);
  }

  private remember(treatyId: string, decision: DecisionState): void {
    // A treaty not registered yet is cheap to read, and most such reads are of ids that never will be.
    if (decision.revision === NO_STREAM) return;
    const cached = this.states.get(treatyId);
    if (cached && cached.revision !== NO_STREAM && cached.revision > decision.revision) return;
    this.states.set(treatyId, decision);
  }
}
