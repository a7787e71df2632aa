import { describe, expect, it } from '@jest/globals';
import { recorded, registered, retracted, signed, statement, TREATY_ID, uuid } from '../testing';
import type { TreatyEvent } from '../treaty.events';
import { treatyIdsNamedIn } from './treaties-not-on-record';
import { foldTreatyHistory } from './treaty-history';
import { treatyStatusView } from './treaty-status.view';
import { treatyTimelineView } from './treaty-timeline.view';

const history = (events: TreatyEvent[]) => foldTreatyHistory(recorded(events), null)!;

// A treaty that builds on one registered and one not (yet), and whose statements name both, itself, and a third.
const events: TreatyEvent[] = [
  registered({
    relations: [
      { type: 'builds-on', treatyId: 'eaeu-ir-interim' },
      { type: 'amends', treatyId: 'ru-ir-2001-treaty' },
    ],
  }),
  signed(uuid(1), '2025-01-17'),
  statement(uuid(2), 'A. Overchuk', 'It builds on both.', '2025-03-01', [
    'eaeu-ir-interim',
    'ru-ir-typo',
    'ru-ir-typo',
  ]),
  statement(uuid(3), 'M. Zakharova', 'As agreed.', '2025-05-01', ['ru-ir-2001-treaty', TREATY_ID]),
  statement(uuid(4), 'A. Araghchi', 'Withdrawn remark.', '2025-05-02', ['ru-ir-gone']),
  retracted(uuid(4)),
];
const notOnRecord = new Map([
  ['eaeu-ir-interim', 'not-registered' as const],
  ['ru-ir-typo', 'not-registered' as const],
  ['ru-ir-gone', 'deleted' as const],
]);

describe('the treaties a view names that are not on record', () => {
  it('are looked up among every treaty the record names, retracted or not, but itself', () => {
    expect([...treatyIdsNamedIn(history(events))].sort()).toEqual([
      'eaeu-ir-interim',
      'ru-ir-2001-treaty',
      'ru-ir-gone',
      'ru-ir-typo',
    ]);
  });

  it('are listed in the status with the relations and the statements on record that name them', () => {
    const status = treatyStatusView(recorded(events), {}, { notOnRecord })!;
    expect(status.treatiesNotOnRecord).toEqual([
      { treatyId: 'eaeu-ir-interim', reason: 'not-registered', relations: ['builds-on'], developmentIds: [uuid(2)] },
      { treatyId: 'ru-ir-typo', reason: 'not-registered', relations: [], developmentIds: [uuid(2)] },
    ]);
    // The relation still shows: the mark is beside it, not instead of it.
    expect(status.relations.map((relation) => relation.treatyId)).toContain('eaeu-ir-interim');
  });

  it('are listed in the timeline with every item shown that names them, a retracted one too', () => {
    const timeline = treatyTimelineView(recorded(events), {}, { notOnRecord })!;
    expect(
      timeline.treatiesNotOnRecord.map(({ treatyId, reason, developmentIds }) => [treatyId, reason, developmentIds]),
    ).toEqual([
      ['eaeu-ir-interim', 'not-registered', [uuid(2)]],
      ['ru-ir-typo', 'not-registered', [uuid(2)]],
      ['ru-ir-gone', 'deleted', [uuid(4)]],
    ]);
  });

  it('follow asOf: a statement not yet made names nothing', () => {
    const status = treatyStatusView(recorded(events), { asOf: '2025-02-01' }, { notOnRecord })!;
    expect(status.treatiesNotOnRecord).toEqual([
      { treatyId: 'eaeu-ir-interim', reason: 'not-registered', relations: ['builds-on'], developmentIds: [] },
    ]);
  });

  it('are none once every named treaty is on record', () => {
    expect(treatyStatusView(recorded(events), {}, { notOnRecord: new Map() })!.treatiesNotOnRecord).toEqual([]);
    expect(treatyTimelineView(recorded(events), {}, {})!.treatiesNotOnRecord).toEqual([]);
  });
});
