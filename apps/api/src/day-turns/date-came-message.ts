import type { JsonView, StatusTurn } from '@timeline/projections';
import { dateCameId } from './date-came';

/**
 * What the live feed and webhooks say when a day comes that changes a treaty's status: which treaty, which day,
 * the status before and the treaty's status view from that day on.
 */
export interface DateCameMessage {
  /** Derived from the treaty and the day: the same on every replica, attempt and channel. */
  readonly id: string;
  readonly treatyId: string;
  readonly day: string;
  readonly previousStatus: string;
  /** The treaty's status view on `day` (its `status` is the new one; its `nextChangeOn` the next such day). */
  readonly status: JsonView;
}

export function dateCameMessage(turn: StatusTurn, status: JsonView): DateCameMessage {
  return { id: dateCameId(turn), treatyId: turn.treatyId, day: turn.day, previousStatus: turn.previousStatus, status };
}
