import type { TreatyEvent } from '../treaty.events';
import { foldTreatyHistory } from '../views/treaty-history';
import { treatyStatusSummaryOf, type TreatyStatusSummary } from '../views/treaty-status-summary';
import { treatyStatusView, type TreatyStatusView } from '../views/treaty-status.view';
import { recorded, signed, uuid } from './treaty-fixtures';
import { consented, registeredMultilateral } from './treaty-law-fixtures';

/** The status view of a registered treaty's events, as of the present or `asOf`. */
export function statusOf(events: readonly TreatyEvent[], asOf?: string): TreatyStatusView {
  const view = treatyStatusView(recorded(events), asOf === undefined ? {} : { asOf });
  if (view === null) throw new Error('expected a registered treaty');
  return view;
}

/** What a listing stores of the treaty (the projection's summary), before any date the record sets ahead has come. */
export const listedSummaryOf = (events: readonly TreatyEvent[]): TreatyStatusSummary =>
  treatyStatusSummaryOf(foldTreatyHistory(recorded(events), null)!);

/**
 * A convention of AT, BE and CZ in force 30 days after the second instrument, signed on 5 January 2025: AT deposits
 * on 1 March, BE on 9 March, so it enters into force on 8 April 2025. What is reported before that day acts on a
 * treaty not yet in force (decisions 0085, 0098, 0099).
 */
export const beforeEntryIntoForce = {
  convention: registeredMultilateral({
    parties: ['AT', 'BE', 'CZ'],
    entryIntoForce: { instrumentsRequired: 2, daysAfter: 30 },
  }),
  signedOn5January: signed(uuid(1), '2025-01-05'),
  deposits: [
    consented(uuid(3), 'AT', 'ratification', '2025-03-01'),
    consented(uuid(4), 'BE', 'ratification', '2025-03-09'),
  ],
};
