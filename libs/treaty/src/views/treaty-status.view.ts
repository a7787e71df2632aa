import { partyOf } from '../development';
import { addsParty } from '../decider/treaty.state';
import type { WithdrawalNotice } from '../law/treaty-law.vocabulary';
import { withoutRevokedNotices } from '../law/withdrawal-revocation';
import { comparePartialDates, precisionOf } from '../partial-date';
import { DatesComeBy } from './dates-come-by';
import { earlierEntriesIntoForce } from './earlier-entries-into-force';
import type { ComputedDate } from './entry-into-force';
import { establishedIn } from './established-consent';
import { partyInForceOf } from './party-entry-into-force';
import { objectionsOf, provisionalApplicationOf, reservationsOf, type PartyConsent } from './party-status';
import { disagreementsIn, step, stepType, type Disagreement, type RatificationStep } from './status-parts';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import { foldTreatyHistory, type DevelopmentHistory, type TreatyHistory } from './treaty-history';
import { recordWarnings } from './record-warnings';
import { recordedTwice } from './recorded-twice';
import { operatingOn, suspensionOf, suspensionUntilWithdrawal } from './suspension';
import { treatiesNotOnRecord } from './treaties-not-on-record';
import { relationsOf, type TreatyLinks } from './treaty-links';
import { latestOnRecord, partyStandingOn, treatyStandingOf, type TreatyStanding } from './treaty-standing';
import type { PartyRatification, TreatyStatusView } from './treaty-status.types';
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
  const resolved = resolveViewOptions(options);
  const history = foldTreatyHistory(events, resolved.knownAt);
  return history && treatyStatusOf(history, resolved, links);
}

/**
 * The status view of an already folded history (see `treatyStatusView`). Dates the record sets ahead (entry into
 * force by the clause, a withdrawal's effect) count once they have come by `asOf`, or by `today` for the present,
 * which then also says when the calendar alone changes it next (`nextChangeOn`); with neither, every date the record
 * determines counts, including those still ahead. Built on where the treaty and each party stand
 * (`treatyStandingOf`), which the projection's summary computes alone.
 */
export function treatyStatusOf(
  history: TreatyHistory,
  { asOf, knownAt, today = null }: ResolvedViewOptions,
  links?: TreatyLinks,
): TreatyStatusView {
  const day = asOf ?? today;
  const dates = day === null ? DatesComeBy.always() : DatesComeBy.by(day);
  const standing = treatyStandingOf(history, asOf, dates);
  const { onRecord, parties, treatySignature, signed, treatyInForce, suspension, terminated, status } = standing;
  const latest = (type: DevelopmentHistory['current']['type'], party?: string | null) =>
    latestOnRecord(onRecord, type, party);
  const clause = history.entryIntoForce;
  const disagreements = disagreementsIn(onRecord);
  const established = establishedIn(onRecord);
  if (treatyInForce.disagrees) disagreements.push(clauseDisagreement(treatyInForce, null, standing));
  if (terminated.disagrees) disagreements.push(computedDisagreement('terminated', terminated, null, standing));

  // The day the treaty is in force from for the whole treaty (null) and for each party, as a suspension is measured
  // against it (decision 0085): the treaty's as the standing reads it, a bilateral treaty's for both its parties.
  const inForceFrom = new Map<string | null, string | null>([[null, standing.inForceSince]]);
  const ratification: Record<string, PartyRatification> = {};
  // A party's entry into force as the view of `day` shows it, read from where that party and the treaty stood that
  // day, not from a whole view of it: one party's standing, not every party's (decision 0106's cost).
  const inForceOnBefore = (party: string) => (day: string) => {
    const then = partyStandingOn(history, day, party);
    if (then === null) return { inForceOn: null, inForceOnComputed: false };
    const { inForce, inForceOnComputed } = partyInForceOf(history, then.treaty, party, then.party, {
      asOf: day,
      dates: DatesComeBy.by(day),
      established: establishedIn(then.treaty.onRecord),
    });
    return { inForceOn: inForce.on, inForceOnComputed };
  };
  for (const party of parties) {
    const partyStanding = standing.partyStandings.get(party)!;
    const {
      status: partyStatus,
      consent,
      completedOn,
      consentImplied,
      consentAfterInForce,
      instrumentWithdrawn,
      withdrawn,
      withdrewOn,
      notice,
      earlierWithdrawals,
      withdrawalDisagreement,
    } = partyStanding;
    const steps = onRecord.flatMap((report) => {
      const type = stepType(report.current);
      return type !== null && partyOf(report.current) === party ? [step(report, type, onRecord)] : [];
    });
    const original = history.parties.includes(party);
    const { inForce, inForceOnComputed } = partyInForceOf(history, standing, party, partyStanding, {
      asOf,
      dates,
      established,
    });
    if (inForce.disagrees) disagreements.push(clauseDisagreement(inForce, party, standing));
    if (consentAfterInForce !== null) disagreements.push(consentDisagreement(consentAfterInForce, party, onRecord));
    if (withdrawalDisagreement !== null) {
      const { developmentIds, computedOn } = withdrawalDisagreement;
      disagreements.push({
        type: 'withdrawn',
        party,
        body: null,
        developmentIds,
        ...(computedOn ? { computedOn } : {}),
      });
    }
    // A suspension by the party suspends the treaty's operation in regard to it (VCLT art. 57): once it is in force
    // for the party (for a bilateral treaty, between the two), or while the party applies it provisionally; not
    // before (decision 0085). A party of a multilateral treaty that the record gives no date only because none of its
    // consent is on record (none withdrawn, no withdrawal or notice of its) is measured against the treaty's own
    // entry into force: records of an entry into force often lack a party's ratification, and a state that suspends
    // a treaty asserts that it is bound by it, which the record does not contradict once the treaty is in force.
    // One whose consent on record dates its entry into force later, or that withdrew, is measured against its own.
    const consentNotOnRecord =
      consent === null &&
      consentAfterInForce === null &&
      !instrumentWithdrawn &&
      !withdrawn &&
      notice.notifiedOn === null;
    const partyInForceFrom =
      history.kind === 'bilateral'
        ? standing.inForceSince
        : (inForce.on ??
          inForce.expectedOn ??
          (consentNotOnRecord ? (treatyInForce.on ?? treatyInForce.expectedOn) : null));
    const partySuspension = suspensionUntilWithdrawal(
      suspensionOf(onRecord, party, (on) => operatingOn(onRecord, party, partyInForceFrom, on)),
      withdrawn,
    );
    inForceFrom.set(party, partyInForceFrom);
    ratification[party] = {
      status: partyStatus,
      completedOn,
      completedOnPrecision: completedOn === null ? null : precisionOf(completedOn),
      consentImplied,
      withdrawn,
      withdrewOn,
      withdrewOnPrecision: withdrewOn === null ? null : precisionOf(withdrewOn),
      steps,
      original,
      signedOn: latest('signed', party).on ?? (original ? treatySignature.on : null),
      consent,
      inForceOn: inForce.on,
      inForceOnComputed,
      inForceOnExpected: inForce.expectedOn,
      earlierEntriesIntoForce: earlierEntriesIntoForce(
        withoutRevokedNotices(onRecord),
        party,
        inForceOnBefore(party),
        partyStanding.leftBetween,
      ),
      reservations: reservationsOf(onRecord, party, {
        type: 'reservation',
        consent,
        kind: history.kind,
        consentImplied,
      }),
      declarations: reservationsOf(onRecord, party, { type: 'declaration' }),
      objections: objectionsOf(onRecord, party),
      withdrawalNotifiedOn: notice.notifiedOn,
      withdrawalEffectiveOn: notice.effectiveOn,
      withdrawalEffectiveOnComputed: notice.effectiveOnComputed,
      withdrawalEffectiveBetween: notice.effectiveBetween,
      earlierWithdrawals,
      provisionalApplication: provisionalApplicationOf(onRecord, party, inForce.on, withdrewOn),
      suspended: partySuspension.suspended,
      suspendedOn: partySuspension.suspendedOn,
    };
  }

  const exchanged = latest('instruments-exchanged');
  const joining = stepsOfStatesNotParties(onRecord, parties);
  const warnings = recordWarnings(onRecord, history.kind === 'bilateral', {
    inForceOn: (party) => ratification[party]?.inForceOn ?? null,
    inForceFrom: (party) => inForceFrom.get(party) ?? null,
    inForceUnlessEnded: standing.inForceUnlessEnded,
    partyBy: (party, on) =>
      history.parties.includes(party) ||
      onRecord.some(
        ({ current }) =>
          addsParty(current, history) && partyOf(current) === party && comparePartialDates(current.occurredOn, on) <= 0,
      ),
  });

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
    withdrawalNotice: withdrawalNoticeOf(history),
    identifiers: history.identifiers ?? {},
    relations: relationsOf(history, links),
    treatiesNotOnRecord: treatiesNotOnRecord(history, onRecord, links?.notOnRecord),
    status,
    signedOn: signed.on,
    signedOnPrecision: signed.precision,
    instrumentsExchangedOn: exchanged.on,
    instrumentsExchangedOnPrecision: exchanged.precision,
    enteredIntoForceOn: treatyInForce.on,
    enteredIntoForceOnPrecision: treatyInForce.on === null ? null : precisionOf(treatyInForce.on),
    enteredIntoForceOnComputed: treatyInForce.computed,
    enteredIntoForceOnByClause: treatyInForce.computedOn,
    enteredIntoForceOnExpected: treatyInForce.expectedOn,
    suspendedOn: suspension.suspendedOn,
    suspendedOnPrecision: suspension.suspendedOn === null ? null : precisionOf(suspension.suspendedOn),
    resumedOn: suspension.resumedOn,
    resumedOnPrecision: suspension.resumedOn === null ? null : precisionOf(suspension.resumedOn),
    terminatedOn: terminated.on,
    terminatedOnPrecision: terminated.on === null ? null : precisionOf(terminated.on),
    terminatedOnComputed: terminated.computed,
    terminatedOnExpected: terminated.expectedOn,
    ratification,
    joining,
    disagreements,
    warnings,
    recordedTwice: recordedTwice(onRecord),
    asOf,
    knownAt,
    // The present's: a past `asOf` would be changed as much by the reports after it, which it does not read.
    nextChangeOn: asOf === null ? dates.nextChangeOn : null,
    revision: history.revision,
    position: history.position,
  };
}

function clauseDisagreement(
  date: ComputedDate,
  party: string | null,
  records: Pick<TreatyStanding, 'onRecord' | 'wholeRecord'>,
): Disagreement {
  return computedDisagreement('entered-into-force', date, party, records);
}

/**
 * A bilateral treaty's entry into force on record for `party` (its own report, else the treaty's) and the party's
 * consent dated after it: the treaty cannot be in force between the two before both consented (VCLT art. 24), so one
 * of the reports has its date wrong. The consent is named also by a view whose `asOf` comes before it.
 */
function consentDisagreement(
  consent: PartyConsent,
  party: string,
  onRecord: readonly DevelopmentHistory[],
): Disagreement {
  const inForce = (scope: string | null) =>
    onRecord.filter(
      (report) => report.current.type === 'entered-into-force' && (partyOf(report.current) ?? null) === scope,
    );
  const reports = inForce(party).length > 0 ? inForce(party) : inForce(null);
  return {
    type: 'entered-into-force',
    party,
    body: null,
    developmentIds: [...reports.map((report) => report.developmentId), consent.developmentId],
  };
}

/**
 * Reports of a development that disagree with the date the record computes for it: those on record by `asOf`, else
 * the one dated after it that overrules the computation (`computedDate`).
 */
function computedDisagreement(
  type: 'entered-into-force' | 'terminated',
  date: ComputedDate,
  party: string | null,
  { onRecord, wholeRecord }: Pick<TreatyStanding, 'onRecord' | 'wholeRecord'>,
): Disagreement {
  const reportsIn = (records: readonly DevelopmentHistory[]) =>
    records
      .filter((report) => report.current.type === type && (partyOf(report.current) ?? null) === party)
      .map((report) => report.developmentId);
  const onRecordIds = reportsIn(onRecord);
  return {
    type,
    party,
    body: null,
    developmentIds: onRecordIds.length > 0 ? onRecordIds : reportsIn(wholeRecord),
    computedOn: date.computedOn ?? date.computedAhead,
  };
}

/** The notice of withdrawal in one shape whichever way it was registered: `{ days: 365 }` for `withdrawalNoticeDays`. */
function withdrawalNoticeOf(history: TreatyHistory): WithdrawalNotice | null {
  if (history.withdrawalNoticeDays !== undefined) return { days: history.withdrawalNoticeDays };
  return history.withdrawalNotice ?? null;
}

/**
 * The steps on record of states that are not parties, by state: a chamber's approval of joining before the state's
 * consent (decision 0070), or what is left of a state's path once its joining was retracted. A state's steps move to
 * its `ratification` once it is a party.
 */
function stepsOfStatesNotParties(
  onRecord: readonly DevelopmentHistory[],
  parties: readonly string[],
): Record<string, RatificationStep[]> {
  const joining: Record<string, RatificationStep[]> = {};
  for (const report of onRecord) {
    const type = stepType(report.current);
    const party = partyOf(report.current);
    if (type === null || party === undefined || parties.includes(party)) continue;
    (joining[party] ??= []).push(step(report, type, onRecord));
  }
  return joining;
}
