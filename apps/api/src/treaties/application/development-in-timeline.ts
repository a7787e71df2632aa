import { timelineItem, timelineWithoutItems, type JsonView, type TimelineText } from '@timeline/projections';
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
 * The permalink's answer from the rendered timeline: named by its development id, only that item and what surrounds
 * the items are parsed; named by another event's id, the whole timeline is (any item's sources may hold it).
 */
export function developmentInTimelineText(timeline: TimelineText, id: string): JsonView {
  const index = timeline.developmentIds.indexOf(id.toLowerCase());
  if (index < 0) return developmentInTimeline(JSON.parse(timeline.text) as JsonView, id);
  return developmentInTimeline({ ...timelineWithoutItems(timeline), items: [timelineItem(timeline, index)] }, id);
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
  if (!item) throw notFound(timeline, wanted);
  const notOnRecord = (timeline.treatiesNotOnRecord ?? []) as readonly { developmentIds?: readonly unknown[] }[];
  return {
    treatyId: timeline.treatyId,
    title: timeline.title,
    development: item,
    // The treaties it names that the record does not hold, as the timeline lists them (decision 0045).
    treatiesNotOnRecord: notOnRecord.filter((named) => named.developmentIds?.includes(item.developmentId)),
    asOf: timeline.asOf,
    knownAt: timeline.knownAt,
    revision: timeline.revision,
    position: timeline.position,
  };
}

/**
 * Why there is none: a statement, talks or context recorded on another treaty that names this one shows in its
 * timeline too, but its permalink is the treaty it is recorded on; and a view as of a date, or as known at a moment,
 * may not have it yet.
 */
function notFound(timeline: JsonView, id: string): ApiProblem {
  const treatyId = String(timeline.treatyId);
  const linked = ((timeline.linkedItems ?? []) as readonly { developmentId?: unknown; fromTreatyId?: unknown }[]).find(
    (candidate) => candidate.developmentId === id,
  );
  if (linked) {
    const recordedOn = String(linked.fromTreatyId);
    return new ApiProblem(
      404,
      'DEVELOPMENT_NOT_FOUND',
      `Development ${id} is recorded on treaty "${recordedOn}", which names "${treatyId}": ` +
        `its permalink is /treaties/${recordedOn}/developments/${id}`,
      { recordedOn },
    );
  }
  const { asOf, knownAt } = timeline;
  const when = [
    typeof asOf === 'string' ? `as of ${asOf}` : undefined,
    typeof knownAt === 'string' ? `as known at ${knownAt}` : undefined,
  ].filter((part) => part !== undefined);
  return new ApiProblem(
    404,
    'DEVELOPMENT_NOT_FOUND',
    `Treaty "${treatyId}" has no development, nor an event about one, with the id ${id}` +
      (when.length > 0 ? ` ${when.join(', ')}` : ''),
  );
}

function eventIdsOf(item: TimelineItem): unknown[] {
  return [
    item.eventId,
    ...(item.sources ?? []).map((source) => source.eventId),
    ...(item.corrections ?? []).map((correction) => correction.eventId),
    item.retraction?.eventId,
  ];
}
