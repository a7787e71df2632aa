import { v5 as uuidV5 } from 'uuid';
import type { StatusTurn } from '@timeline/projections';

/** Names the day turns' ids, which no event of the log carries. */
const DATE_CAME_NAMESPACE = '8c1e4f7a-2b6d-4d93-9f05-3a7e6b1c2d48';

/** The SSE event type and the CloudEvents type of a treaty whose status a date set ahead changes as its day comes. */
export const DATE_CAME_SSE_EVENT = 'date-came';
export const DATE_CAME_TYPE = 'org.treaty-timeline.treaty.date-came';

/**
 * The id of a treaty's turn on a day: derived from the treaty and the day alone, so that every replica, every
 * attempt, the live feed and every webhook name it alike, and a receiver that has it drops a repeat.
 */
export const dateCameId = (turn: Pick<StatusTurn, 'treatyId' | 'day'>): string =>
  uuidV5(`${turn.treatyId}@${turn.day}`, DATE_CAME_NAMESPACE);

/** The moment a day begins where days begin first (UTC+14): when the present turns to it (decision 0035). */
export const dayBegins = (day: string): Date => new Date(`${day}T00:00:00+14:00`);

/** The order turns are delivered and checkpointed in: by day, then by treaty id. */
export function turnIsAfter(turn: Pick<StatusTurn, 'treatyId' | 'day'>, mark: { day: string; treatyId: string }) {
  return turn.day > mark.day || (turn.day === mark.day && turn.treatyId > mark.treatyId);
}
