import { timelinePageText, type TimelineText } from '@timeline/projections';
import { ApiProblem } from '../../problems/api-problem';
import { TIMELINE_PAGE } from '../dto/treaty-timeline.query.dto';

/** A page of a timeline: its JSON text, and the cursor of the next page (null on the last). */
export interface TimelinePage {
  readonly text: string;
  readonly nextCursor: string | null;
}

/**
 * The items after the development named by `cursor` (from the first without one), at most `limit`: the view as the
 * whole timeline answers it, with only those items and `nextCursor`, the last one's development id. The cursor is a
 * development, not an index: a development recorded between two pages with an earlier date is not on the next page
 * (the page's `revision` tells the client that the timeline changed), but none is skipped or repeated because of it.
 */
export function timelinePage(
  timeline: TimelineText,
  limit: number | undefined,
  cursor: string | undefined,
): TimelinePage {
  const from = cursor === undefined ? 0 : timeline.developmentIds.indexOf(cursor.toLowerCase()) + 1;
  if (from === 0 && cursor !== undefined) {
    throw new ApiProblem(
      400,
      'INVALID_CURSOR',
      `cursor ${cursor} is no development of this timeline: pass the nextCursor of a previous page`,
      { field: 'cursor' },
    );
  }
  const to = Math.min(timeline.developmentIds.length, from + (limit ?? TIMELINE_PAGE.default));
  const nextCursor = to < timeline.developmentIds.length ? timeline.developmentIds[to - 1]! : null;
  return { text: timelinePageText(timeline, from, to, { nextCursor }), nextCursor };
}
