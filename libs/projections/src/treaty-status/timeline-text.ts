import { toJsonText, type JsonView } from './json-view';

/**
 * A timeline view's JSON text, as clients receive it, and where each of its items lies in it: a page of the timeline,
 * or one development, is cut out of the text without parsing the rest (a treaty of 19,000 developments is about
 * 20 MB of text, and parsing it costs the event loop a few hundred milliseconds).
 */
export interface TimelineText {
  readonly text: string;
  /** Where the `items` array's content starts and ends in `text` (between its brackets). */
  readonly itemsStart: number;
  readonly itemsEnd: number;
  /** The start and end of item i in `text`: `spans[2 * i]`, `spans[2 * i + 1]`. */
  readonly spans: Uint32Array;
  /** Item i's development id, in the timeline's order. */
  readonly developmentIds: readonly string[];
}

interface TimelineShape {
  readonly items: readonly { readonly developmentId?: unknown }[];
}

/** Renders a timeline view; its text is exactly `toJsonText(view)`. */
export function timelineText(view: object): TimelineText {
  const items = (view as TimelineShape).items;
  // The same object with no items: its text is the view's around the items (a string in JSON cannot hold `"items":[]`
  // unescaped, so the first one is the property).
  const around = toJsonText({ ...view, items: [] });
  const marker = '"items":[';
  const itemsStart = around.indexOf(marker + ']') + marker.length;
  const spans = new Uint32Array(items.length * 2);
  const parts: string[] = [];
  let at = itemsStart;
  items.forEach((item, index) => {
    const text = toJsonText(item);
    if (index > 0) at += 1; // the comma
    spans[2 * index] = at;
    at += text.length;
    spans[2 * index + 1] = at;
    parts.push(text);
  });
  return {
    text: around.slice(0, itemsStart) + parts.join(',') + around.slice(itemsStart),
    itemsStart,
    itemsEnd: at,
    spans,
    developmentIds: items.map((item) => String(item.developmentId)),
  };
}

/** The item at an index, parsed. */
export function timelineItem(timeline: TimelineText, index: number): JsonView {
  return JSON.parse(timeline.text.slice(timeline.spans[2 * index], timeline.spans[2 * index + 1])) as JsonView;
}

/** The view without its items (`items: []`), parsed: what surrounds them (title, linked items, revision...). */
export function timelineWithoutItems(timeline: TimelineText): JsonView {
  return JSON.parse(timeline.text.slice(0, timeline.itemsStart) + timeline.text.slice(timeline.itemsEnd)) as JsonView;
}

/**
 * The view's text with only items `from` (inclusive) to `to` (exclusive), and extra members after the view's own
 * (`nextCursor`), as JSON text: a page costs its own length, not the timeline's.
 */
export function timelinePageText(
  timeline: TimelineText,
  from: number,
  to: number,
  extra: Record<string, unknown>,
): string {
  const { text, itemsStart, itemsEnd, spans } = timeline;
  const items = to > from ? text.slice(spans[2 * from], spans[2 * (to - 1) + 1]) : '';
  const members = Object.keys(extra).length > 0 ? ',' + toJsonText(extra).slice(1, -1) : '';
  // The view's text ends with the brace that closes it.
  return text.slice(0, itemsStart) + items + text.slice(itemsEnd, -1) + members + '}';
}
