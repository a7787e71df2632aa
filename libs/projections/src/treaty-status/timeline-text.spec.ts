import { describe, expect, it } from '@jest/globals';
import { toJsonText } from './json-view';
import { timelineItem, timelinePageText, timelineText, timelineWithoutItems } from './timeline-text';

const item = (n: number) => ({
  type: 'statement',
  developmentId: `00000000-0000-7000-8000-00000000000${n}`,
  quote: `He said "items":[] and {"items":[${n}]}, ünïcode ✓`,
  revision: BigInt(n),
  sources: [{ eventId: `e${n}` }],
});

const view = {
  treatyId: 'ru-ir',
  title: 'A title with "items":[] in it',
  items: [item(1), item(2), item(3)],
  linkedItems: [{ developmentId: 'x', items: [] }],
  asOf: null,
  revision: 12n,
};

describe('timelineText', () => {
  it("renders exactly the view's JSON text, and finds each item in it", () => {
    const timeline = timelineText(view);
    expect(timeline.text).toBe(toJsonText(view));
    expect(timeline.developmentIds).toEqual(view.items.map((each) => each.developmentId));
    view.items.forEach((each, index) => expect(timelineItem(timeline, index)).toEqual(JSON.parse(toJsonText(each))));
    expect(timelineWithoutItems(timeline)).toEqual(JSON.parse(toJsonText({ ...view, items: [] })));
  });

  it('cuts a page out of the text: the view with only those items, and extra members after its own', () => {
    const timeline = timelineText(view);
    const page = timelinePageText(timeline, 1, 3, { nextCursor: null });
    expect(JSON.parse(page)).toEqual(JSON.parse(toJsonText({ ...view, items: [item(2), item(3)], nextCursor: null })));
    expect(JSON.parse(timelinePageText(timeline, 0, 1, { nextCursor: 'a' }))).toMatchObject({
      items: [JSON.parse(toJsonText(item(1)))],
      nextCursor: 'a',
    });
    expect(JSON.parse(timelinePageText(timeline, 3, 3, {})).items).toEqual([]);
  });

  it('renders a timeline without items', () => {
    const empty = { ...view, items: [] };
    const timeline = timelineText(empty);
    expect(timeline.text).toBe(toJsonText(empty));
    expect(JSON.parse(timelinePageText(timeline, 0, 0, { nextCursor: null }))).toEqual({
      ...JSON.parse(timeline.text),
      nextCursor: null,
    });
  });
});
