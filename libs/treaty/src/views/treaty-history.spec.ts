import { describe, expect, it } from '@jest/globals';
import { eventfulLife, recorded } from '../testing/treaty-fixtures';
import { TreatyHistoryFold } from './treaty-history';
import { treatyStatusOf, treatyStatusView } from './treaty-status.view';
import { treatyTimelineOf, treatyTimelineView } from './treaty-timeline.view';

const stream = recorded(eventfulLife());
const now = { asOf: null, knownAt: null };

describe('TreatyHistoryFold', () => {
  it('gives, after each event added, the views a fold of the stream up to that event gives', () => {
    const fold = new TreatyHistoryFold();
    stream.forEach((envelope, index) => {
      fold.add(envelope);
      const history = fold.history()!;
      expect(treatyStatusOf(history, now)).toEqual(treatyStatusView(stream.slice(0, index + 1)));
      expect(treatyTimelineOf(history, now)).toEqual(treatyTimelineView(stream.slice(0, index + 1)));
    });
    expect(fold.revision).toBe(stream.at(-1)!.revision);
  });

  it('has no history, and no revision, before a registration', () => {
    const fold = new TreatyHistoryFold();
    expect(fold.history()).toBeNull();
    expect(fold.revision).toBeUndefined();
  });
});
