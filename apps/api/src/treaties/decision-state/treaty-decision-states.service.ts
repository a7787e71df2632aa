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

/** A decision state and where it came from: memory (possibly behind the store) or a read of the stream. */
export interface LoadedDecisionState {
  readonly decision: DecisionState;
  /** True when it came from memory: a refusal decided on it is only final once decided on a fresh read. */
  readonly cached: boolean;
}

/**
 * The one way a writer gets a treaty's decision state, with the states of the busiest treaties kept in memory
 * (least recently used first out), each at the revision it was folded to.
 *
 * The cache is optimistic: a writer decides on the cached state and appends at its revision. When another
 * process (a replica, a CLI on the same file) wrote in between, the append conflicts; the writer then forgets
 * the entry and reads the stream again, as it did before this cache existed. So a cached state can be behind
 * the store but never wrong about what it holds, and costs nothing to check.
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

  /** The cached state of this treaty, or else its stream read from the leader and folded. */
  async current(treatyId: string): Promise<LoadedDecisionState> {
    const cached = this.states.get(treatyId);
    if (cached) return { decision: cached, cached: true };
    return { decision: await this.read(treatyId), cached: false };
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

  /** Keeps the state after this writer's own append; never replaces a newer one (appends may settle out of order). */
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
