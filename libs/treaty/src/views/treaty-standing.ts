import { partyOf } from '../development';
import { partiesOf } from '../decider/treaty.state';
import { withdrawalNoticePeriod, type ClausePeriod } from '../law/clause-period';
import { consentEstablishedOn } from '../law/established-consent';
import { latestOccurrence, separatedByRejoining } from '../law/rejoining';
import { withoutRevokedNotices } from '../law/withdrawal-revocation';
import { comparePartialDates, precisionOf, startOfPeriod, type DatePrecision } from '../partial-date';
import { bilateralEndingOf, withEffectThatCanEnd, type BilateralEnding } from './bilateral-ending';
import { DatesComeBy } from './dates-come-by';
import { entryIntoForceOnAllConsents } from './entry-into-force-on-all-consents';
import {
  consentOfPeriod,
  earlierWithdrawals,
  leftBetween,
  revokedByConsent,
  type EarlierWithdrawal,
} from './earlier-withdrawals';
import {
  computedDate,
  countInstruments,
  earliestPossibleEntryIntoForce,
  type ComputedDate,
  type Instrument,
} from './entry-into-force';
import {
  firstInstruments,
  instrumentStandingOn,
  instrumentsToCount,
  withdrawalsByParty,
} from './instruments-on-record';
import { consentBindsBy, consentOf, withdrawalOf, type PartyConsent, type PartyWithdrawal } from './party-status';
import { overallStatus } from './overall-status';
import { operatingOn, treatySuspensionOf, type Suspension } from './suspension';
import {
  happenedBy,
  inValidTimeOrder,
  isOnRecord,
  representativeOf,
  type DevelopmentHistory,
  type TreatyHistory,
} from './treaty-history';
import type { PartyRatificationStatus, TreatyStatus } from './treaty-status.types';
import { withdrawalEffectDisagreement, type WithdrawalEffectDisagreement } from './withdrawal-effect';

/**
 * Where a treaty stands (its status, its parties, each party's ratification status) and what that is decided from:
 * the first part of the status view, which builds the rest of itself on it. Listings filter on this part only, so
 * the projection computes it alone (TreatyStatusSummary) without the steps, sources, reservations and
 * disagreements that only a reader of the view needs; being the view's own code, it cannot disagree with the view.
 */
export type TreatyStanding = {
  /**
   * The developments on record (not retracted, happened by `asOf`), in valid-time order; a notice of withdrawal
   * revoked by then among them, though the standing is read without it.
   */
  readonly onRecord: readonly DevelopmentHistory[];
  /** The developments on record at any date, also after `asOf`, in valid-time order, without revoked notices. */
  readonly wholeRecord: readonly DevelopmentHistory[];
  readonly parties: readonly string[];
  /** The treaty's own signature (no party), and the one shown: that, else the first signature on record. */
  readonly treatySignature: Dated;
  readonly signed: Dated;
  readonly treatyInForce: ComputedDate;
  readonly partyStandings: ReadonlyMap<string, PartyStanding>;
  /**
   * The day the treaty entered into force (or is expected to), the treaty's or a party's, the earliest; null when the
   * record gives none. A bilateral treaty is in force between its two parties from it, or not at all.
   */
  readonly inForceSince: string | null;
  /** A suspension dated before `inForceSince`, and while no state applied the treaty provisionally, is none. */
  readonly suspension: Suspension;
  /**
   * The day the treaty is in force from as if no termination were on record: `inForceSince`, or the date the record
   * computes (which a termination before it cuts, `beforeEnd`), whichever is earlier; where an instrument known only
   * to its month or year keeps the clause's count from a date, the earliest day it may have come to
   * (`earliestPossibleEntryIntoForce`, decision 0111). A termination is measured against it (decision 0099): one known
   * to come before it, while no state applied the treaty provisionally, ended nothing in force.
   */
  readonly inForceUnlessEnded: string | null;
  /**
   * A reported termination that ended a treaty in force or applied provisionally, else the end a bilateral treaty
   * comes to when a party's withdrawal takes effect. One that ended nothing in force is left out: the treaty was
   * abandoned, and its status is `will-not-enter-into-force` (decision 0099).
   */
  readonly terminated: ComputedDate;
  /**
   * The termination the whole record reports (also after `asOf`), or null: no date computed on or after it is one the
   * treaty enters into force on (`beforeEnd`).
   */
  readonly reportedEndOn: string | null;
  /** Under a clause, the date of the instrument that completed its count, or null (`countInstruments`). */
  readonly countedThrough: string | null;
  readonly bilateralEnding: BilateralEnding | null;
  readonly status: TreatyStatus;
};

export type PartyStanding = {
  readonly status: PartyRatificationStatus;
  readonly consent: PartyConsent | null;
  readonly completedOn: string | null;
  /**
   * The entry into force a report gives the party: its own, else the treaty's where that binds it as an original
   * party with no consent on record (`treatyInForceBindsOriginals`). The status view's `inForceOn` starts from it.
   */
  readonly reportedInForceOn: string | null;
  /** Bound by an entry into force on record, with no act of consent or completed ratification on record. */
  readonly consentImplied: boolean;
  /**
   * A bilateral treaty only: the party's first consent on record when it is dated after `reportedInForceOn`, looked
   * for in the whole record, also after `asOf`. The two reports contradict each other (the treaty is in force between
   * its two parties or not at all, and binds no state before it consents): the view lists them as a disagreement at
   * every `asOf` from the entry into force on, and shows the party in force from the reported date, as an `asOf`
   * before the consent does, rather than from its consent.
   */
  readonly consentAfterInForce: PartyConsent | null;
  /**
   * The party's instrument (its latest) was withdrawn before the clause's count was reached, so it never counted
   * (`countInstruments`): the treaty does not enter into force for the party on it (decision 0038).
   */
  readonly instrumentWithdrawn: boolean;
  /**
   * The party's withdrawal has taken effect (and no consent of its since). `withdrewOn` says when, unless nothing
   * certain can be said: a notice whose possible effects fall in two years (`notice.effectiveBetween`, decision 0115).
   */
  readonly withdrawn: boolean;
  readonly withdrewOn: string | null;
  readonly notice: PartyWithdrawal;
  /** The party's withdrawals that took effect before `notice`'s, earliest first (`earlierWithdrawals`). */
  readonly earlierWithdrawals: readonly EarlierWithdrawal[];
  /** A report of the withdrawal's effect that disagrees with the notice's (`withdrawalEffectDisagreement`). */
  readonly withdrawalDisagreement: WithdrawalEffectDisagreement | null;
  /** Whether a withdrawal of the party took effect between two dates (`leftBetween`), read with `boundBy`. */
  readonly leftBetween: (from: string, to: string) => boolean;
  /**
   * The consent that began the party's current period (`consentOfPeriod`): `consent`, unless that one revoked a notice
   * and continued the period an earlier consent began, from which the party's entry into force is computed.
   */
  readonly periodConsent: PartyConsent | null;
};

export type Dated = { readonly on: string | null; readonly precision: DatePrecision | null };

/**
 * Where the treaty and each party stand on the record's developments that had happened by `asOf` (all, without it),
 * reading the dates the record sets ahead (`DatesComeBy`) against `dates`: by default the same day, but the present
 * counts every report on record and the computed dates that have come by today.
 */
export function treatyStandingOf(
  history: TreatyHistory,
  asOf: string | null,
  dates: DatesComeBy = asOf === null ? DatesComeBy.always() : DatesComeBy.by(asOf),
): TreatyStanding {
  const {
    shown,
    onRecord,
    parties,
    treatySignature,
    signed,
    clause,
    noticePeriod,
    consents,
    instruments,
    wholeRecord,
    reportedEndOn,
    unlessEnded,
    treatyInForce,
    count,
    inForceSince,
    bilateralEnding,
    partyStandings,
    inForceForAParty,
  } = standingParts(history, asOf, dates, undefined);

  // Only a treaty in force, or applied provisionally, has an operation to suspend (decision 0085); a bilateral one is
  // in force for both of its parties from the same day.
  const suspension = treatySuspensionOf(onRecord, history.kind === 'bilateral' ? parties : [], (party, on) =>
    operatingOn(onRecord, party, inForceSince, on),
  );
  // An end by a reported withdrawal has come, like the report; one by a notice's effect, once the last day it may fall
  // on has, which `bilateralEndingOf` read (the period it shows may end later: decision 0105). One still ahead is what
  // the record expects.
  const endingDates = bilateralEnding !== null ? DatesComeBy.always() : dates;
  const endingAhead =
    history.kind === 'bilateral' && bilateralEnding === null
      ? bilateralEndingOf(onRecord, parties, noticePeriod, DatesComeBy.always(), inForceSince, Boolean(clause))
      : null;
  // A termination ends a treaty in force (VCLT Part V: art. 42(2), 54-59, 70) or applied provisionally (ILC Guide to
  // Provisional Application of Treaties, 2021, guideline 9). One dated before either ended nothing in force: the
  // treaty was abandoned before it bound anyone, and will not enter into force (decision 0099). It is flagged
  // (`TERMINATION_BEFORE_ENTRY_INTO_FORCE`), and the decider still takes no legal act after it.
  const reportedTermination = latestOnRecord(onRecord, 'terminated').on;
  // A count that an instrument known only to its month or year decides computes no date (decision 0007), yet the
  // treaty was in force from a day no earlier than the count of their first days (under a clause, or on all
  // consents): a termination not known to come before that day may have ended a treaty in force, and is a
  // termination, not an abandonment (decision 0111).
  const earliestPossible =
    unlessEnded !== null
      ? null
      : clause
        ? earliestPossibleEntryIntoForce(clause, instruments)
        : entryIntoForceOnAllConsents(history, consents, { onRecord, wholeRecord }, 'earliest');
  const inForceUnlessEnded = earliest([inForceSince, unlessEnded ?? earliestPossible]);
  const abandoned =
    reportedTermination !== null && !operatingOn(onRecord, null, inForceUnlessEnded, reportedTermination);
  const terminated = computedDate(
    abandoned ? null : reportedTermination,
    (bilateralEnding ?? endingAhead)?.on ?? null,
    endingDates,
    reportedAfterAsOf({ onRecord, wholeRecord }, 'terminated', undefined, bilateralEnding?.on ?? null),
  );
  const remaining = parties.filter((party) => partyStandings.get(party)?.withdrawn === false);
  // An original (negotiating) state shown withdrawn: a treaty that needs its consent cannot be complete without it.
  const originalWalkedAway = history.parties.some((party) => !remaining.includes(party));
  const status = overallStatus({
    terminated: Boolean(terminated.on),
    abandoned,
    suspended: suspension.suspended,
    inForce: Boolean(treatyInForce.on) || inForceForAParty,
    needsEveryOriginalState: history.kind === 'bilateral' || !clause,
    originalWalkedAway,
    hasOriginalParties: history.parties.length > 0,
    everyRemainingPartyConsented: remaining.every((party) => partyStandings.get(party)?.status === 'completed'),
    aPartyActed: parties.some((party) => partyStandings.get(party)?.status !== 'pending'),
    signed: Boolean(signed.on),
  });

  return {
    onRecord: shown,
    wholeRecord,
    parties,
    treatySignature,
    signed,
    treatyInForce,
    partyStandings,
    inForceSince,
    suspension,
    inForceUnlessEnded,
    terminated,
    reportedEndOn,
    countedThrough: count?.countedThrough ?? null,
    bilateralEnding,
    status,
  };
}

/**
 * Where one party stands on `asOf`, with what of the treaty's standing its entry into force is read from
 * (`partyInForceOf`), without the other parties' standings or the treaty's status, which need every party: how a
 * party's earlier entries into force are read on the days before its later consents (decision 0106), at the cost of
 * one party rather than of every party each such day. Null when it is no party on `asOf`.
 */
export function partyStandingOn(
  history: TreatyHistory,
  asOf: string,
  party: string,
): { readonly treaty: StandingForEntryIntoForce; readonly party: PartyStanding } | null {
  const parts = standingParts(history, asOf, DatesComeBy.by(asOf), party);
  const standing = parts.partyStandings.get(party);
  if (standing === undefined) return null;
  const { shown, wholeRecord, treatyInForce, count, bilateralEnding, reportedEndOn } = parts;
  return {
    treaty: {
      onRecord: shown,
      wholeRecord,
      treatyInForce,
      countedThrough: count?.countedThrough ?? null,
      bilateralEnding,
      reportedEndOn,
    },
    party: standing,
  };
}

/** What of the treaty's standing a party's entry into force is read from (`partyInForceOf`). */
export type StandingForEntryIntoForce = Pick<
  TreatyStanding,
  'onRecord' | 'wholeRecord' | 'treatyInForce' | 'countedThrough' | 'bilateralEnding' | 'reportedEndOn'
>;

/**
 * The treaty's standing up to its status, and the standings of its parties (of `only`, when given): the part of
 * `treatyStandingOf` that reads the record, of which the treaty's status is then made.
 */
function standingParts(history: TreatyHistory, asOf: string | null, dates: DatesComeBy, only: string | undefined) {
  // What the record shows: a revoked notice and its revocation (VCLT art. 68) both stay among its steps.
  const shown = inValidTimeOrder(happenedBy(history.developments.filter(isOnRecord), asOf));
  // Where each party stands is read as if a notice revoked by `asOf` had never been given (law/withdrawal-revocation).
  const onRecord = withoutRevokedNotices(shown);
  const parties = partiesOnRecord(history, onRecord);
  const treatySignature = latestOnRecord(onRecord, 'signed', null);
  const firstSignature = onRecord.find((report) => report.current.type === 'signed')?.current.occurredOn ?? null;
  const signed = treatySignature.on !== null ? treatySignature : dated(firstSignature);
  const consents = new Map(parties.map((party) => [party, consentOf(onRecord, party)]));
  const clause = history.entryIntoForce;
  const noticePeriod = withdrawalNoticePeriod(history);
  const instruments = clause ? instrumentsToCount(onRecord, parties, consents) : [];
  const count = clause ? countInstruments(clause, instruments) : null;
  // The record as a whole, also after `asOf`: a report dated after it can overrule what is computed for a day before.
  const wholeRecord =
    asOf === null ? onRecord : withoutRevokedNotices(inValidTimeOrder(history.developments.filter(isOnRecord)));
  // A treaty reported terminated enters into force for no one on or after its end: a date the clause counts to from
  // instruments deposited before it (a convention superseded before its count came due) never comes.
  const reportedEndOn = latestOnRecord(wholeRecord, 'terminated').on;
  const unlessEnded = clause
    ? (count?.on ?? null)
    : entryIntoForceOnAllConsents(history, consents, { onRecord, wholeRecord });
  const byRecord = beforeEnd(unlessEnded, reportedEndOn);
  const treatyInForce = computedDate(
    latestOnRecord(onRecord, 'entered-into-force', null).on,
    byRecord,
    dates,
    reportedAfterAsOf({ onRecord, wholeRecord }, 'entered-into-force', null, byRecord),
  );
  const treatyReported = treatyInForce.reportedOn;
  // Whether the treaty's reported entry into force binds an original party of which no consent is on record: always
  // for a bilateral treaty (in force between its two parties, or not at all); otherwise without a clause, while no
  // party's first instrument dated by it is on record (VCLT art. 24(2): it entered into force on all their
  // consents). A consent after it (an accession, a succession) says nothing of how it came into force.
  const treatyInForceBindsOriginals =
    treatyReported !== null &&
    (history.kind === 'bilateral' ||
      (!clause &&
        !firstInstruments(onRecord, parties, consents).some(({ on }) => comparePartialDates(on, treatyReported) <= 0)));
  // The day a bilateral treaty entered into force (or is expected to), the treaty's or a party's: only a withdrawal
  // taking effect from then on ends it.
  const inForceSince = earliest([
    treatyInForce.on ?? treatyInForce.expectedOn,
    onRecord.find(({ current }) => current.type === 'entered-into-force')?.current.occurredOn ?? null,
  ]);
  const bilateralEnding =
    history.kind === 'bilateral'
      ? bilateralEndingOf(onRecord, parties, noticePeriod, dates, inForceSince, Boolean(clause))
      : null;

  const withdrawals = withdrawalsByParty(onRecord);
  const withdrewBefore = (party: string, on: string | null) =>
    on !== null && (withdrawals.get(party) ?? []).some((date) => comparePartialDates(date, on) < 0);
  const partyStandings = new Map<string, PartyStanding>();
  let inForceForAParty = false;
  for (const party of only === undefined ? parties : parties.filter((one) => one === only)) {
    const consent = consents.get(party) ?? null;
    const ownEntryIntoForce = latestOnRecord(onRecord, 'entered-into-force', party).on;
    if (ownEntryIntoForce !== null) inForceForAParty = true;
    const withdrawal = latestOnRecord(onRecord, 'withdrawn', party);
    const completedOn = latestOnRecord(onRecord, 'ratification-completed', party).on ?? consent?.on ?? null;
    const bindsOriginal = treatyInForceBindsOriginals && history.parties.includes(party);
    const consentAfter = (inForceOn: string | null) =>
      inForceOn === null ? null : firstConsentAfter(wholeRecord, party, inForceOn);
    // A bilateral party consenting after the date the record says it was bound by is shown bound from that date,
    // with or without its consent in the view: what an `asOf` between the two dates shows, and the present with it.
    const consentAfterInForce =
      history.kind === 'bilateral' ? consentAfter(ownEntryIntoForce ?? (bindsOriginal ? treatyReported : null)) : null;
    // An original party of a multilateral treaty without a clause whose first consent comes after the treaty's entry
    // into force was not among the consents it entered into force on: bound from its consent (art. 24(3), decision
    // 0031) in the present, so not bound by the entry into force on a day before its consent either.
    // Nor is one that made clear before it that it would not become a party (a signatory's notice, VCLT art. 18: the
    // United States of the Rome Statute): the treaty entered into force among the others.
    const bindsAsOriginal =
      bindsOriginal &&
      (history.kind === 'bilateral'
        ? consent === null || consentAfterInForce !== null
        : consent === null && consentAfter(treatyReported) === null && !withdrewBefore(party, treatyReported));
    // A report of the party's entry into force from before it left speaks for that period (its earlier entries into
    // force, decision 0106), not for the one its consent on rejoining began.
    const reportedInForceOn =
      (ownEntryIntoForce !== null && !ofAnEarlierPeriod(onRecord, party, consent, noticePeriod)
        ? ownEntryIntoForce
        : null) ?? (bindsAsOriginal ? treatyReported : null);
    // Bound by a date: a consent of its (or completed ratification) by then, or the treaty in force for it by then.
    // Any on record, not only the latest: a party that withdrew and consented again gave its notice while bound.
    // A state whose instrument was withdrawn before the clause counted it never became a party: its consent bound it
    // to nothing, and its notice withdrew the instrument when given, with no notice period to run (decision 0038).
    const lastInstrument = instruments.filter((instrument) => instrument.party === party).at(-1);
    const withdrawnBeforeCount = (instrument: Instrument | undefined) =>
      instrument !== undefined && count!.withdrawnBefore.includes(instrument);
    const instrumentWithdrawn = withdrawnBeforeCount(lastInstrument);
    // A notice is measured against the instrument it withdrew, the one standing on its day: a state that deposits
    // again later does not make its earlier notice one of a party that ran the notice period (decision 0105).
    const bindingTermsOn = (date: string) => ({
      hasClause: Boolean(clause),
      inForceSince,
      instrumentWithdrawn: withdrawnBeforeCount(instrumentStandingOn(instruments, party, date)),
    });
    // Under a clause, only an instrument binds: a ratification completed at home from the exchange that follows it,
    // and not at all before (decision 0101); or from the treaty's reported entry into force, when it was completed
    // by then: the report says the instruments it came by were given, as the view's entry into force reads it.
    const boundByReportedEntry =
      consent !== null && treatyReported !== null && comparePartialDates(consent.on, treatyReported) <= 0;
    const consentsOn = clause
      ? [...consentEstablishedOn(onRecord, party), ...(boundByReportedEntry ? [treatyReported] : [])]
      : [
          completedOn,
          ...onRecord
            .filter(
              ({ current }) =>
                (current.type === 'consent-to-be-bound' || current.type === 'ratification-completed') &&
                partyOf(current) === party,
            )
            .map(({ current }) => current.occurredOn),
        ];
    const inForceForPartyOn = onRecord
      .filter(({ current }) => current.type === 'entered-into-force' && partyOf(current) === party)
      .map(({ current }) => current.occurredOn);
    const boundBy = (date: string) =>
      [reportedInForceOn, ...inForceForPartyOn].some((on) => on !== null && comparePartialDates(on, date) <= 0) ||
      (consentBindsBy(date, bindingTermsOn(date)) &&
        consentsOn.some((on) => on !== null && comparePartialDates(on, date) <= 0));
    const notified = noticeBeforeEnd(withdrawalOf(onRecord, party, noticePeriod, boundBy), reportedEndOn);
    // A notice a consent revoked before it could take effect (decision 0022) takes none: its computed effect, and the
    // days it may fall on, are not shown or scheduled; a reported one stays as reported (decision 0116's amendment).
    const notice = withEffectThatCanEnd(
      history.kind,
      revokedByConsent(onRecord, party, notified) ? withoutComputedEffect(notified) : notified,
    );
    // A report of the effect is read against the notice's possible days, also where a bilateral treaty's party shows
    // none of them (decision 0115's amendment): a report outside them still disagrees with the notice.
    const withdrawalDisagreement = withdrawalEffectDisagreement(onRecord, wholeRecord, party, notified, dates);
    // A treaty in force for a party binds it, so it consented, whether or not the record says how or when (a report
    // that "the agreement took effect"): its path is complete, with no date.
    const consentImplied = completedOn === null && reportedInForceOn !== null;
    // A chamber's vote is the one step between pending and completed: any of them, a first reading as much as the
    // decisive vote, is progress; only the party's consent (or a completed ratification) completes it.
    const approved = onRecord.some(
      (report) => report.current.type === 'legislative-approval' && partyOf(report.current) === party,
    );
    // A state that withdrew may consent again (the decider accepts it): a consent after the withdrawal ends it. So
    // does the treaty's entry into force for it after the withdrawal took effect: bound again, it consented again,
    // whether or not the record says how (decision 0030).
    const stands = (withdrawnOn: string | null) =>
      withdrawnOn !== null && (consent === null || comparePartialDates(consent.on, withdrawnOn) <= 0);
    const boundAgainAfter = (effectiveOn: string | null) =>
      effectiveOn !== null && ownEntryIntoForce !== null && comparePartialDates(ownEntryIntoForce, effectiveOn) > 0;
    // A report of the effect dated after `asOf` that disagrees with the notice's says the party had not left yet.
    const noticeTookEffect =
      stands(notice.notifiedOn) && tookEffect(notice, dates) && withdrawalDisagreement?.overrules !== true;
    // The withdrawal in effect, if any: a reported one, else the notice's (its effect shown, or, where its possible
    // days fall in two years, none: bound again only by an entry into force after the last of them).
    const withdrawnBy: { readonly on: string | null } | null =
      bilateralEnding?.party === party
        ? bilateralEnding
        : stands(withdrawal.on) && !boundAgainAfter(withdrawal.on)
          ? withdrawal
          : noticeTookEffect && !boundAgainAfter(notice.effectiveOn ?? notice.effectiveBy)
            ? { on: notice.effectiveOn }
            : null;
    const left = (from: string, to: string) => leftBetween(onRecord, party, [from, to], noticePeriod, boundBy);
    partyStandings.set(party, {
      status: completedOn || consentImplied ? 'completed' : approved ? 'in-progress' : 'pending',
      consent,
      completedOn,
      reportedInForceOn,
      consentImplied,
      consentAfterInForce,
      instrumentWithdrawn,
      // The withdrawal that ended a bilateral treaty stays the party's: a consent after the end binds to nothing.
      withdrawn: withdrawnBy !== null,
      withdrewOn: withdrawnBy?.on ?? null,
      notice,
      earlierWithdrawals: earlierWithdrawals(onRecord, party, noticePeriod, boundBy, withdrawnBy !== null),
      withdrawalDisagreement,
      leftBetween: left,
      periodConsent: consentOfPeriod(onRecord, party, consent, left),
    });
  }

  return {
    shown,
    onRecord,
    parties,
    treatySignature,
    signed,
    clause,
    noticePeriod,
    consents,
    instruments,
    wholeRecord,
    reportedEndOn,
    unlessEnded,
    treatyInForce,
    count,
    inForceSince,
    bilateralEnding,
    partyStandings,
    inForceForAParty,
  };
}

/**
 * A notice whose computed effect falls on or after the treaty's reported termination takes no effect: the treaty
 * ended first, and there was nothing left to withdraw from. As for a computed entry into force (`beforeEnd`), the
 * effect is not shown ahead on a day before the end either. A reported effect stays, as every report does.
 */
function noticeBeforeEnd(notice: PartyWithdrawal, endOn: string | null): PartyWithdrawal {
  if (endOn === null || notice.effectiveBy === null) return notice;
  // Shown, it is compared as shown; spanning years, it came before the end only if its last possible day did.
  const computed = notice.effectiveOnComputed || (notice.effectiveOn === null && notice.effectiveBetween !== null);
  const before =
    notice.effectiveOn !== null
      ? beforeEnd(notice.effectiveOn, endOn) !== null
      : notice.effectiveBy < startOfPeriod(endOn);
  if (!computed || before) return notice;
  return { ...notice, effectiveOn: null, effectiveOnComputed: false, effectiveBy: null, effectiveBetween: null };
}

/** A computed date of entry into force, unless it falls on or after the treaty's reported end (`endOn`). */
export function beforeEnd(on: string | null, endOn: string | null): string | null {
  return on !== null && endOn !== null && comparePartialDates(on, endOn) >= 0 ? null : on;
}

/** The earliest of the dates given (by the start of its period), or null. */
function earliest(dates: readonly (string | null)[]): string | null {
  return (
    dates
      .filter((on): on is string => on !== null)
      .sort((a, b) => startOfPeriod(a).localeCompare(startOfPeriod(b)))[0] ?? null
  );
}

/**
 * The party's first consent (not a notification of succession, which may follow the succession that made the
 * successor a party) when it is dated after `inForceOn`, at the coarser precision: a consent in the month of an entry
 * into force on a day of it may have come first.
 */
function firstConsentAfter(
  wholeRecord: readonly DevelopmentHistory[],
  party: string,
  inForceOn: string | null,
): PartyConsent | null {
  if (inForceOn === null) return null;
  const first = consentOf(wholeRecord, party, 'first');
  return first !== null && first.type !== 'succession' && comparePartialDates(first.on, inForceOn) > 0 ? first : null;
}

/**
 * Whether the party's latest report of its entry into force belongs to a period before its standing consent: dated
 * before it, with a withdrawal of the party that took effect between the two (`leftBetween`). A state that left and
 * consented again is in force from its new consent (as the clause computes it, or as a report dated after the
 * rejoining says), not from the day the treaty first entered into force for it (decision 0116); one whose consent
 * revoked its notice before the notice took effect never left (decision 0022), and its report still speaks.
 */
function ofAnEarlierPeriod(
  onRecord: readonly DevelopmentHistory[],
  party: string,
  consent: PartyConsent | null,
  noticePeriod: ClausePeriod | undefined,
): boolean {
  if (consent === null) return false;
  const report = representativeOf(
    latestOccurrence(
      onRecord.filter(({ current }) => current.type === 'entered-into-force' && partyOf(current) === party),
      onRecord,
    ),
  );
  if (report === undefined || comparePartialDates(report.current.occurredOn, consent.on) >= 0) return false;
  // In force by the report, the party was bound on every day of a notice after it.
  return leftBetween(onRecord, party, [report.current.occurredOn, consent.on], noticePeriod, () => true);
}

/**
 * The date of the first report of a development (`party` as for `latestOnRecord`) dated after `asOf`, which can
 * overrule the date computed for it (`computedDate`); null when one is on record by `asOf`, or when the party's
 * opposite act comes between the computed date and the report: a state that withdrew and is bound again is bound by
 * a new act (law/rejoining.ts), not one reported with another date.
 */
export function reportedAfterAsOf(
  { onRecord, wholeRecord }: { onRecord: readonly DevelopmentHistory[]; wholeRecord: readonly DevelopmentHistory[] },
  type: 'entered-into-force' | 'terminated',
  party: string | null | undefined,
  computedOn: string | null,
): string | null {
  if (computedOn === null || onRecord === wholeRecord) return null;
  const ofType = (report: DevelopmentHistory) =>
    report.current.type === type && (party === undefined || (partyOf(report.current) ?? null) === party);
  if (onRecord.some(ofType)) return null;
  const later = wholeRecord.find(ofType);
  if (later === undefined) return null;
  const computed = { ...later.current, occurredOn: computedOn };
  return separatedByRejoining(computed, later.current, wholeRecord) ? null : later.current.occurredOn;
}

/**
 * The report that speaks for the latest development of a type among those on record: `null` asks for the treaty's
 * own (no party), a code for that party's, undefined for either.
 */
export function latestOnRecord(
  onRecord: readonly DevelopmentHistory[],
  type: DevelopmentHistory['current']['type'],
  party?: string | null,
): Dated {
  return dated(
    representativeOf(
      latestOccurrence(
        onRecord.filter(
          (report) =>
            report.current.type === type && (party === undefined || (partyOf(report.current) ?? null) === party),
        ),
        onRecord,
      ),
    ),
  );
}

export function dated(report: DevelopmentHistory | string | undefined | null): Dated {
  const on = typeof report === 'string' ? report : (report?.current.occurredOn ?? null);
  return on === null ? { on: null, precision: null } : { on, precision: precisionOf(on) };
}

/** The original parties, then those whose signature, accession or succession is on record (as of the view). */
function partiesOnRecord(history: TreatyHistory, onRecord: readonly DevelopmentHistory[]): string[] {
  return partiesOf(
    history,
    [...onRecord].sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0)),
  );
}

/** A notice without the effect computed from the notice period: one reported with the notice stays. */
function withoutComputedEffect(notice: PartyWithdrawal): PartyWithdrawal {
  if (!notice.effectiveOnComputed && notice.effectiveOn !== null) return notice;
  return { ...notice, effectiveOn: null, effectiveOnComputed: false, effectiveBy: null, effectiveBetween: null };
}

/**
 * Whether a notice of withdrawal has taken effect by the day `dates` reads: one effective on the notification itself
 * (a signatory not bound, released when it notifies) took effect when it was given, as the report says, a month's
 * too before the month is out; any other once the last day it may fall on has come (`effectiveBy`), not the end of
 * the period shown: 180 days from March 2022 have run by 2022-09-27, though shown as "2022" (decision 0105). So has
 * one whose possible days fall in two years, which shows no period (`effectiveBetween`, decision 0115).
 */
function tookEffect(notice: PartyWithdrawal, dates: DatesComeBy): boolean {
  if (notice.effectiveBy === null) return false;
  return (notice.effectiveOn !== null && notice.effectiveOn === notice.notifiedOn) || dates.hasCome(notice.effectiveBy);
}
