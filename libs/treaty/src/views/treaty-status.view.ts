import { partyOf } from '../development';
import { partiesOf } from '../decider/treaty.state';
import { comparePartialDates, precisionOf, type DatePrecision } from '../partial-date';
import { computedDate, partyEntryIntoForce, treatyEntryIntoForce, type ComputedDate } from './entry-into-force';
import {
  consentOf,
  hasCome,
  objectionsOf,
  provisionalApplicationOf,
  reservationsOf,
  suspensionOf,
  withdrawalOf,
} from './party-status';
import { disagreementsIn, step, stepType, type Disagreement } from './status-parts';
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
import { relationsOf, type TreatyLinks } from './treaty-links';
import type { PartyRatification, TreatyStatus, TreatyStatusView } from './treaty-status.types';
import { resolveViewOptions, type ResolvedViewOptions, type ViewOptions } from './view-options';

export type { PartyRatification, PartyRatificationStatus, TreatyStatus, TreatyStatusView } from './treaty-status.types';

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
  const anyConsent = [...consents.values()].some((consent) => consent !== null);
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
    // Without a clause nothing is computed: a party bound by the treaty's reported date (or an original party of a
    // treaty recorded without consents) is in force from it; one consenting later, only by a report of its own.
    const treatyReported = treatyInForce.reportedOn;
    const followsTreaty =
      treatyReported !== null &&
      (consent === null ? original && !anyConsent : comparePartialDates(consent.on, treatyReported) <= 0);
    const inForce = clause
      ? computedDate(reportedInForce, computedInForce, asOf)
      : computedDate(reportedInForce ?? (followsTreaty ? treatyReported : null), null, asOf);
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
