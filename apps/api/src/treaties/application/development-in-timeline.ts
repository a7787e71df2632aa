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

/** Per rendering of a timeline: the item each event id (a source's, a correction's, a retraction's) is about. */
const itemsByEventId = new WeakMap<TimelineText, Map<string, number>>();

/**
 * The permalink's answer from the rendered timeline: only the development's item and what surrounds the items are
 * parsed. Named by another event's id, or by none of the timeline's, the item is found in an index of every event id
 * made once per rendering (one parse of the whole timeline), so that repeating such a request costs no more.
 */
export function developmentInTimelineText(timeline: TimelineText, id: string): JsonView {
  const wanted = id.toLowerCase();
  const byDevelopment = timeline.developmentIds.indexOf(wanted);
  const index = byDevelopment >= 0 ? byDevelopment : eventIndex(timeline).get(wanted);
  const items = index === undefined ? [] : [timelineItem(timeline, index)];
  return developmentInTimeline({ ...timelineWithoutItems(timeline), items }, id);
}

function eventIndex(timeline: TimelineText): Map<string, number> {
  let index = itemsByEventId.get(timeline);
  if (index === undefined) {
    index = new Map();
    const items = (JSON.parse(timeline.text) as { items: TimelineItem[] }).items;
    for (const [position, item] of items.entries()) {
      for (const eventId of eventIdsOf(item)) {
        // The first item an id names, as a search in the timeline's order finds it.
        if (typeof eventId === 'string' && !index.has(eventId)) index.set(eventId, position);
      }
    }
    itemsByEventId.set(timeline, index);
  }
  return index;
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
