import { partyOf } from '../development';
import { partiesOf } from '../decider/treaty.state';
import type { EntryIntoForceClause, TreatyIdentifiers, TreatyKind } from '../law/treaty-law.vocabulary';
import { precisionOf, type DatePrecision } from '../partial-date';
import type { TreatyCategory } from '../treaty.events';
import { computedDate, partyEntryIntoForce, treatyEntryIntoForce, type ComputedDate } from './entry-into-force';
import {
  consentOf,
  hasCome,
  objectionsOf,
  provisionalApplicationOf,
  reservationsOf,
  suspensionOf,
  withdrawalOf,
  type PartyConsent,
  type PartyObjection,
  type PartyReservation,
  type ProvisionalApplication,
} from './party-status';
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
import { relationsOf, type TreatyLinks, type ViewRelation } from './treaty-links';
import { resolveViewOptions, type ResolvedViewOptions, type ViewOptions } from './view-options';

export type TreatyStatus =
  'registered' | 'signed' | 'ratification-in-progress' | 'ratified' | 'in-force' | 'suspended' | 'terminated';

export type PartyRatificationStatus = 'pending' | 'in-progress' | 'completed';

/** One party's entry: its path to being bound, and what treaty law records of it. */
export type PartyRatification = {
  readonly status: PartyRatificationStatus;
  readonly completedOn: string | null;
  readonly completedOnPrecision: DatePrecision | null;
  readonly withdrawn: boolean;
  readonly withdrewOn: string | null;
  readonly withdrewOnPrecision: DatePrecision | null;
  readonly steps: readonly RatificationStep[];
  /** One of the parties named at registration (the others joined by signature, accession or succession). */
  readonly original: boolean;
  /** Its own signature, or the treaty's for an original party. */
  readonly signedOn: string | null;
  readonly consent: PartyConsent | null;
  readonly inForceOn: string | null;
  /** True when `inForceOn` is computed from the treaty's clause, no report having confirmed it. */
  readonly inForceOnComputed: boolean;
  readonly reservations: readonly PartyReservation[];
  readonly declarations: readonly PartyReservation[];
  /** The objections this party made to others' reservations. */
  readonly objections: readonly PartyObjection[];
  readonly withdrawalNotifiedOn: string | null;
  readonly withdrawalEffectiveOn: string | null;
  readonly withdrawalEffectiveOnComputed: boolean;
  readonly provisionalApplication: ProvisionalApplication | null;
  readonly suspended: boolean;
  readonly suspendedOn: string | null;
};

export type TreatyStatusView = {
  readonly id: string;
  readonly title: string;
  /** Every party: the original ones, then those who joined, in the order they were recorded. */
  readonly parties: readonly string[];
  readonly originalParties: readonly string[];
  readonly category: TreatyCategory;
  readonly kind: TreatyKind | null;
  readonly depositary: string | null;
  readonly entryIntoForceClause: EntryIntoForceClause | null;
  readonly withdrawalNoticeDays: number | null;
  readonly identifiers: TreatyIdentifiers;
  /** Relations this treaty states, and those other treaties state about it. */
  readonly relations: readonly ViewRelation[];
  readonly status: TreatyStatus;
  readonly signedOn: string | null;
  readonly signedOnPrecision: DatePrecision | null;
  readonly instrumentsExchangedOn: string | null;
  readonly instrumentsExchangedOnPrecision: DatePrecision | null;
  readonly enteredIntoForceOn: string | null;
  readonly enteredIntoForceOnPrecision: DatePrecision | null;
  /** True when `enteredIntoForceOn` is computed from the treaty's clause, no report having confirmed it. */
  readonly enteredIntoForceOnComputed: boolean;
  /** The date the clause gives, whatever was reported (null without a clause, or too few instruments yet). */
  readonly enteredIntoForceOnByClause: string | null;
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
  links?: TreatyLinks,
): TreatyStatusView | null {
  const { asOf, knownAt } = resolveViewOptions(options);
  const history = foldTreatyHistory(events, knownAt);
  return history && treatyStatusOf(history, { asOf, knownAt }, links);
}

/**
 * The status view of an already folded history (see `treatyStatusView`). Dates computed from the record (entry
 * into force by the clause, a withdrawal's effect after the notice period) count once they have come by `asOf`;
 * without `asOf`, every date the record determines counts, including those still ahead.
 */
export function treatyStatusOf(
  history: TreatyHistory,
  { asOf, knownAt }: ResolvedViewOptions,
  links?: TreatyLinks,
): TreatyStatusView {
  const onRecord = happenedBy(history.developments.filter(isOnRecord), asOf).sort(byValidTime);
  // `null` asks for the treaty's own (no party), a code for that party's, undefined for either.
  const latest = (type: DevelopmentHistory['current']['type'], party?: string | null) =>
    dated(
      representativeOf(
        onRecord.filter(
          (report) =>
            report.current.type === type && (party === undefined || (partyOf(report.current) ?? null) === party),
        ),
      ),
    );

  const parties = partiesOnRecord(history, onRecord);
  const treatySignature = latest('signed', null);
  const firstSignature = onRecord.find((report) => report.current.type === 'signed')?.current.occurredOn ?? null;
  const signed = treatySignature.on !== null ? treatySignature : dated(firstSignature);
  const consents = new Map(parties.map((party) => [party, consentOf(onRecord, party)]));
  const clause = history.entryIntoForce;
  const byClause = clause
    ? treatyEntryIntoForce(
        clause,
        [...consents].flatMap(([party, consent]) => (consent ? [{ party, on: consent.on }] : [])),
      )
    : null;
  const treatyInForce = computedDate(latest('entered-into-force', null).on, byClause, asOf);
  const disagreements = disagreementsIn(onRecord);
  if (treatyInForce.disagrees) disagreements.push(clauseDisagreement(treatyInForce, null, onRecord));

  const ratification: Record<string, PartyRatification> = {};
  for (const party of parties) {
    const consent = consents.get(party) ?? null;
    const completed = latest('ratification-completed', party);
    const withdrawal = latest('withdrawn', party);
    const notice = withdrawalOf(onRecord, party, history.withdrawalNoticeDays);
    const withdrewOn = withdrawal.on ?? (hasCome(notice.effectiveOn, asOf) ? notice.effectiveOn : null);
    const steps = onRecord.flatMap((report) => {
      const type = stepType(report.current);
      return type !== null && partyOf(report.current) === party ? [step(report, type, onRecord)] : [];
    });
    const original = history.parties.includes(party);
    const reportedInForce = latest('entered-into-force', party).on;
    const computedInForce = clause ? partyEntryIntoForce(clause, treatyInForce.on, consent ?? undefined) : null;
    // Without a clause, a party bound (or an original party, for treaties recorded without consents) follows the
    // treaty's reported date.
    const inForce = clause
      ? computedDate(reportedInForce, computedInForce, asOf)
      : computedDate(reportedInForce ?? (original || consent ? treatyInForce.reportedOn : null), null, asOf);
    // A computed party date that equals a reported treaty-wide date is not computed: the report says it.
    const inForceOnComputed =
      inForce.computed && !(treatyInForce.reportedOn !== null && inForce.on === treatyInForce.reportedOn);
    if (inForce.disagrees) disagreements.push(clauseDisagreement(inForce, party, onRecord));
    const suspension = suspensionOf(onRecord, party);
    const completedOn = completed.on ?? consent?.on ?? null;
    ratification[party] = {
      status: completedOn
        ? 'completed'
        : steps.some((s) => s.type === 'legislative-approval')
          ? 'in-progress'
          : 'pending',
      completedOn,
      completedOnPrecision: completedOn === null ? null : precisionOf(completedOn),
      withdrawn: withdrewOn !== null,
      withdrewOn,
      withdrewOnPrecision: withdrewOn === null ? null : precisionOf(withdrewOn),
      steps,
      original,
      signedOn: latest('signed', party).on ?? (original ? treatySignature.on : null),
      consent,
      inForceOn: inForce.on,
      inForceOnComputed,
      reservations: reservationsOf(onRecord, party, 'reservation'),
      declarations: reservationsOf(onRecord, party, 'declaration'),
      objections: objectionsOf(onRecord, party),
      withdrawalNotifiedOn: notice.notifiedOn,
      withdrawalEffectiveOn: notice.effectiveOn,
      withdrawalEffectiveOnComputed: notice.effectiveOnComputed,
      provisionalApplication: provisionalApplicationOf(onRecord, party),
      suspended: suspension.suspended,
      suspendedOn: suspension.suspendedOn,
    };
  }

  const exchanged = latest('instruments-exchanged');
  const suspension = suspensionOf(onRecord, null);
  const terminated = latest('terminated');
  const remaining = parties.filter((party) => !ratification[party]?.withdrawn);
  const status: TreatyStatus = terminated.on
    ? 'terminated'
    : suspension.suspended
      ? 'suspended'
      : treatyInForce.on
        ? 'in-force'
        : remaining.length > 0 && remaining.every((party) => ratification[party]?.status === 'completed')
          ? 'ratified'
          : parties.some((party) => ratification[party]?.status !== 'pending')
            ? 'ratification-in-progress'
            : signed.on
              ? 'signed'
              : 'registered';

  return {
    id: history.treatyId,
    title: history.title,
    parties,
    originalParties: history.parties,
    category: history.category,
    kind: history.kind ?? null,
    depositary: history.depositary ?? null,
    entryIntoForceClause: clause ?? null,
    withdrawalNoticeDays: history.withdrawalNoticeDays ?? null,
    identifiers: history.identifiers ?? {},
    relations: relationsOf(history, links),
    status,
    signedOn: signed.on,
    signedOnPrecision: signed.precision,
    instrumentsExchangedOn: exchanged.on,
    instrumentsExchangedOnPrecision: exchanged.precision,
    enteredIntoForceOn: treatyInForce.on,
    enteredIntoForceOnPrecision: treatyInForce.on === null ? null : precisionOf(treatyInForce.on),
    enteredIntoForceOnComputed: treatyInForce.computed,
    enteredIntoForceOnByClause: treatyInForce.computedOn,
    suspendedOn: suspension.suspendedOn,
    suspendedOnPrecision: suspension.suspendedOn === null ? null : precisionOf(suspension.suspendedOn),
    resumedOn: suspension.resumedOn,
    resumedOnPrecision: suspension.resumedOn === null ? null : precisionOf(suspension.resumedOn),
    terminatedOn: terminated.on,
    terminatedOnPrecision: terminated.precision,
    ratification,
    disagreements,
    asOf,
    knownAt,
    revision: history.revision,
    position: history.position,
  };
}

/** The original parties, then those whose signature, accession or succession is on record (as of the view). */
function partiesOnRecord(history: TreatyHistory, onRecord: readonly DevelopmentHistory[]): string[] {
  return partiesOf(
    history,
    [...onRecord].sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0)),
  );
}

function clauseDisagreement(
  date: ComputedDate,
  party: string | null,
  onRecord: readonly DevelopmentHistory[],
): Disagreement {
  return {
    type: 'entered-into-force',
    party,
    body: null,
    developmentIds: onRecord
      .filter((report) => report.current.type === 'entered-into-force' && (partyOf(report.current) ?? null) === party)
      .map((report) => report.developmentId),
    computedOn: date.computedOn,
  };
}

function dated(report: DevelopmentHistory | string | undefined | null): {
  on: string | null;
  precision: DatePrecision | null;
} {
  const on = typeof report === 'string' ? report : (report?.current.occurredOn ?? null);
  return on === null ? { on: null, precision: null } : { on, precision: precisionOf(on) };
}
