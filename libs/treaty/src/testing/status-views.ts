import type { TreatyEvent } from '../treaty.events';
import { foldTreatyHistory } from '../views/treaty-history';
import { treatyStatusSummaryOf, type TreatyStatusSummary } from '../views/treaty-status-summary';
import { treatyStatusView, type TreatyStatusView } from '../views/treaty-status.view';
import type { ViewOptions } from '../views/view-options';
import { consented, registeredMultilateral, withdrawalNotified } from './treaty-law-fixtures';
import { recorded, signed, uuid } from './treaty-fixtures';

/**
 * The status view of a registered treaty's events, as of the present or `asOf`; or with the view's options (a `today`,
 * a `knownAt`).
 */
export function statusOf(events: readonly TreatyEvent[], asOf?: string | ViewOptions): TreatyStatusView {
  const options = asOf === undefined ? {} : typeof asOf === 'string' ? { asOf } : asOf;
  const view = treatyStatusView(recorded(events), options);
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

/**
 * The Paris Agreement as the fixtures of a state that left and rejoined use it (decisions 0106, 0116): in force on
 * 2016-11-04 (here on the third instrument, France's); the United States accepted on 2016-09-03, left on 2020-11-04
 * (notified 2019-11-04, a year's notice) and accepted again on 2021-01-20: in force for it again on 2021-02-19.
 */
export const parisAgreementRejoined: readonly TreatyEvent[] = [
  registeredMultilateral({
    parties: ['US', 'CN', 'FR'],
    entryIntoForce: { instrumentsRequired: 3, daysAfter: 30 },
    withdrawalNoticeDays: undefined,
    withdrawalNotice: { years: 1 },
  }),
  consented(uuid(2), 'US', 'acceptance', '2016-09-03'),
  consented(uuid(3), 'CN', 'ratification', '2016-09-03'),
  consented(uuid(4), 'FR', 'ratification', '2016-10-05'),
  withdrawalNotified(uuid(5), 'US', '2019-11-04'),
  consented(uuid(6), 'US', 'acceptance', '2021-01-20'),
];

/**
 * A convention in force among AT, BE and CZ since 2002, with 180 days' notice of withdrawal, that Japan acceded to on
 * 2007-07-17 (in force for it 2007-08-16, computed): the ground of the withdrawal fixtures (decisions 0105, 0115, 0116).
 */
export const japanAcceded2007: readonly TreatyEvent[] = [
  registeredMultilateral({ withdrawalNoticeDays: 180 }),
  consented(uuid(2), 'AT', 'ratification', '2002-01-02'),
  consented(uuid(3), 'BE', 'ratification', '2002-01-02'),
  consented(uuid(4), 'CZ', 'ratification', '2002-01-02'),
  consented(uuid(5), 'JP', 'accession', '2007-07-17'),
];
