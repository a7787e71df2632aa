import { describe, expect, it } from '@jest/globals';
import {
  approved,
  corrected,
  corroborated,
  ratified,
  recorded,
  registered,
  retracted,
  source,
  statement,
  uuid,
} from '../testing';
import type { TreatyEvent } from '../treaty.events';
import { TreatyHistoryFold } from './treaty-history';
import { mayChangeOutgoingLinks, outgoingLinksOf } from './treaty-links';

describe('mayChangeOutgoingLinks', () => {
  it('is true of every event after which the treaty says something else about other treaties', () => {
    const events: TreatyEvent[] = [registered({ relations: [{ type: 'builds-on', treatyId: 'eaeu-iran-interim' }] })];
    for (let n = 1; n < 60; n++) {
      const id = uuid(n);
      const earlier = uuid(Math.max(1, n - 3));
      if (n % 9 === 0) events.push(retracted(earlier));
      else if (n % 7 === 0) events.push(corrected(earlier, { occurredOn: '2025-05' }));
      else if (n % 5 === 0) events.push(corroborated(earlier, '2025-04-08', source({ publisher: 'IRNA' })));
      else if (n % 3 === 0) events.push(statement(id, 'A minister', `Quote ${n}`, '2025-04-08', [`other-${n % 4}`]));
      else if (n % 2 === 0) events.push(approved(id, n % 4 ? 'RU' : 'IR', `Chamber ${n}`, '2025-04-08'));
      else events.push(ratified(id, n % 4 ? 'RU' : 'IR', '2025-04-09'));
    }
    const fold = new TreatyHistoryFold();
    let before: ReturnType<typeof outgoingLinksOf> = [];
    let changes = 0;
    for (const envelope of recorded(events)) {
      fold.add(envelope);
      const after = outgoingLinksOf(fold.history()!);
      if (!mayChangeOutgoingLinks(envelope.event)) expect(after).toEqual(before);
      else if (JSON.stringify(after) !== JSON.stringify(before)) changes += 1;
      before = after;
    }
    // The history must exercise the events that do change the links, or the check above proves nothing.
    expect(changes).toBeGreaterThan(10);
  });
});
