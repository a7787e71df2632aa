import type { TreatyEvent } from '../treaty.events';
import { decide } from './treaty.decide';
import { evolve } from './treaty.evolve';
import { initialState, type TreatyState } from './treaty.state';

/** The treaty decider, in emmett's shape: `decide`, `evolve`, `initialState`. */
export const treatyDecider = { decide, evolve, initialState } as const;

/** The state after these events, in stream order. */
export function foldTreaty(events: Iterable<TreatyEvent>): TreatyState {
  let state = initialState();
  for (const event of events) state = evolve(state, event);
  return state;
}
