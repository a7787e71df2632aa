import type { JsonView } from '@timeline/projections';
import { ApiProblem } from '../../problems/api-problem';

interface WithEventId {
  readonly eventId?: unknown;
}

interface TimelineItem extends JsonView {
  readonly developmentId?: unknown;
  readonly eventId?: unknown;
  readonly sources?: readonly WithEventId[];
  readonly corrections?: readonly WithEventId[];
  readonly retraction?: WithEventId | null;
}

/**
 * One development of a treaty's timeline view, as its permalink answers it: named by its development id, or by the
 * id of any event that concerns it (a corroborating report, a correction, its retraction), so that every id a
 * reader meets in the record leads to the development it is about. A retracted development is still answered,
 * marked: a link to it never breaks.
 */
export function developmentInTimeline(timeline: JsonView, id: string): JsonView {
  const items = (timeline.items ?? []) as readonly TimelineItem[];
  const wanted = id.toLowerCase();
  const item =
    items.find((candidate) => candidate.developmentId === wanted) ??
    items.find((candidate) => eventIdsOf(candidate).includes(wanted));
  if (!item) {
    throw new ApiProblem(
      404,
      'DEVELOPMENT_NOT_FOUND',
      `Treaty "${String(timeline.treatyId)}" has no development, nor an event about one, with the id ${wanted}`,
    );
  }
  return {
    treatyId: timeline.treatyId,
    title: timeline.title,
    development: item,
    asOf: timeline.asOf,
    knownAt: timeline.knownAt,
    revision: timeline.revision,
    position: timeline.position,
  };
}

function eventIdsOf(item: TimelineItem): unknown[] {
  return [
    item.eventId,
    ...(item.sources ?? []).map((source) => source.eventId),
    ...(item.corrections ?? []).map((correction) => correction.eventId),
    item.retraction?.eventId,
  ];
}
