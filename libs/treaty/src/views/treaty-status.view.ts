import { partyOf } from '../development';
import { comparePartialDates, precisionOf, type DatePrecision } from '../partial-date';
import type { TreatyCategory } from '../treaty.events';
import { disagreementsIn, step, stepType, type Disagreement, type RatificationStep } from './status-parts';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import {
  byValidTime,
  foldTreatyHistory,
  happenedBy,
  isOnRecord,
  representativeOf,
  type DevelopmentHistory,
  type TreatyHistory,
} from './treaty-history';
import { resolveViewOptions, type ResolvedViewOptions, type ViewOptions } from './view-options';

export type TreatyStatus =
  'registered' | 'signed' | 'ratification-in-progress' | 'ratified' | 'in-force' | 'suspended' | 'terminated';

export type PartyRatificationStatus = 'pending' | 'in-progress' | 'completed';

export type PartyRatification = {
  readonly status: PartyRatificationStatus;
  readonly completedOn: string | null;
  readonly completedOnPrecision: DatePrecision | null;
  readonly withdrawn: boolean;
  readonly withdrewOn: string | null;
  readonly withdrewOnPrecision: DatePrecision | null;
  readonly steps: readonly RatificationStep[];
};

export type TreatyStatusView = {
  readonly id: string;
  readonly title: string;
  readonly parties: readonly string[];
  readonly category: TreatyCategory;
  readonly status: TreatyStatus;
  readonly signedOn: string | null;
  readonly signedOnPrecision: DatePrecision | null;
  readonly instrumentsExchangedOn: string | null;
  readonly instrumentsExchangedOnPrecision: DatePrecision | null;
  readonly enteredIntoForceOn: string | null;
  readonly enteredIntoForceOnPrecision: DatePrecision | null;
  readonly suspendedOn: string | null;
  readonly suspendedOnPrecision: DatePrecision | null;
  readonly resumedOn: string | null;
  readonly resumedOnPrecision: DatePrecision | null;
  readonly terminatedOn: string | null;
  readonly terminatedOnPrecision: DatePrecision | null;
  readonly ratification: Readonly<Record<string, PartyRatification>>;
  readonly disagreements: readonly Disagreement[];
  readonly asOf: string | null;
  readonly knownAt: Date | null;
  /** Of the last event folded (the last one known at `knownAt`). */
  readonly revision: bigint;
  readonly position: bigint;
};

/**
 * Where a treaty stands: corrections applied, retracted developments left out, corroborating sources merged.
 * Returns null when no registration is known (at `knownAt`). Where reports of one development disagree, the most
 * precise date speaks for it (ties: the later report) until an editor corrects or retracts one.
 */
export function treatyStatusView(
  events: Iterable<TreatyEventEnvelope>,
  options: ViewOptions = {},
): TreatyStatusView | null {
  const { asOf, knownAt } = resolveViewOptions(options);
  const history = foldTreatyHistory(events, knownAt);
  return history && treatyStatusOf(history, { asOf, knownAt });
}

/** The status view of an already folded history (see `treatyStatusView`). */
export function treatyStatusOf(history: TreatyHistory, { asOf, knownAt }: ResolvedViewOptions): TreatyStatusView {
  const onRecord = happenedBy(history.developments.filter(isOnRecord), asOf).sort(byValidTime);
  const latest = (type: DevelopmentHistory['current']['type'], party?: string) =>
    dated(
      representativeOf(
        onRecord.filter(
          (report) => report.current.type === type && (party === undefined || partyOf(report.current) === party),
        ),
      ),
    );

  const ratification: Record<string, PartyRatification> = {};
  for (const party of history.parties) {
    const completed = latest('ratification-completed', party);
    const withdrawal = latest('withdrawn', party);
    const steps = onRecord.flatMap((report) => {
      const type = stepType(report.current);
      return type !== null && partyOf(report.current) === party ? [step(report, type, onRecord)] : [];
    });
    ratification[party] = {
      status: completed.on
        ? 'completed'
        : steps.some((s) => s.type === 'legislative-approval')
          ? 'in-progress'
          : 'pending',
      completedOn: completed.on,
      completedOnPrecision: completed.precision,
      withdrawn: withdrawal.on !== null,
      withdrewOn: withdrawal.on,
      withdrewOnPrecision: withdrawal.precision,
      steps,
    };
  }

  const signed = latest('signed');
  const exchanged = latest('instruments-exchanged');
  const inForce = latest('entered-into-force');
  const suspended = latest('suspended');
  const resumed = latest('resumed');
  const terminated = latest('terminated');
  // Ordered by valid time; a resumption in the same period as the suspension is taken to follow it.
  const isSuspended =
    suspended.on !== null && (resumed.on === null || comparePartialDates(resumed.on, suspended.on) < 0);
  const remaining = history.parties.filter((party) => !ratification[party]?.withdrawn);
  const status: TreatyStatus = terminated.on
    ? 'terminated'
    : isSuspended
      ? 'suspended'
      : inForce.on
        ? 'in-force'
        : remaining.length > 0 && remaining.every((party) => ratification[party]?.status === 'completed')
          ? 'ratified'
          : history.parties.some((party) => ratification[party]?.status !== 'pending')
            ? 'ratification-in-progress'
            : signed.on
              ? 'signed'
              : 'registered';

  return {
    id: history.treatyId,
    title: history.title,
    parties: history.parties,
    category: history.category,
    status,
    signedOn: signed.on,
    signedOnPrecision: signed.precision,
    instrumentsExchangedOn: exchanged.on,
    instrumentsExchangedOnPrecision: exchanged.precision,
    enteredIntoForceOn: inForce.on,
    enteredIntoForceOnPrecision: inForce.precision,
    suspendedOn: suspended.on,
    suspendedOnPrecision: suspended.precision,
    resumedOn: resumed.on,
    resumedOnPrecision: resumed.precision,
    terminatedOn: terminated.on,
    terminatedOnPrecision: terminated.precision,
    ratification,
    disagreements: disagreementsIn(onRecord),
    asOf,
    knownAt,
    revision: history.revision,
    position: history.position,
  };
}

function dated(report: DevelopmentHistory | undefined): { on: string | null; precision: DatePrecision | null } {
  return report
    ? { on: report.current.occurredOn, precision: precisionOf(report.current.occurredOn) }
    : { on: null, precision: null };
}
