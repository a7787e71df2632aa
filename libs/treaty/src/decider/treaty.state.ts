import { partyOf, type Development } from '../development';
import { consentAddsParty } from '../law/treaty-law.vocabulary';
import type { Source, TreatyEventType, TreatyRegistered } from '../treaty.events';

/** The treaty as registered; `parties` are the original parties (see `partiesOf` for those who joined). */
export type TreatyProfile = TreatyRegistered['data'];

/** One reported development as the decider sees it: enough to check new reports against the record. */
export type DevelopmentOnRecord = {
  readonly developmentId: string;
  /** As first reported. */
  readonly reported: Development;
  /** With every correction applied in order. */
  readonly current: Development;
  /** The original source first, then each corroboration's. */
  readonly sources: readonly Source[];
  /** The same reports with the date each gave: a source giving a date again adds nothing (`REPORT_ALREADY_RECORDED`). */
  readonly reports: readonly SourcedDate[];
  readonly retracted: boolean;
};

/** What one report of a development said: its source, and the date that source gave. */
export type SourcedDate = { readonly source: Source; readonly occurredOn: string };

export type UnregisteredTreaty = { readonly status: 'unregistered' };

export type ActiveTreaty = {
  readonly status: 'active';
  readonly treaty: TreatyProfile;
  readonly developments: readonly DevelopmentOnRecord[];
};

/** A termination is on record (not retracted): from here only corrections and retractions are accepted. */
export type TerminatedTreaty = {
  readonly status: 'terminated';
  readonly treaty: TreatyProfile;
  readonly developments: readonly DevelopmentOnRecord[];
  readonly terminationIds: readonly string[];
};

export type TreatyState = UnregisteredTreaty | ActiveTreaty | TerminatedTreaty;
export type RegisteredTreaty = ActiveTreaty | TerminatedTreaty;

export function initialState(): TreatyState {
  return { status: 'unregistered' };
}

/** "On record" means not retracted; `current` already has the corrections applied. */
export function developmentsOnRecord(state: RegisteredTreaty): readonly DevelopmentOnRecord[] {
  return state.developments.filter((development) => !development.retracted);
}

export function findDevelopment(state: RegisteredTreaty, developmentId: string): DevelopmentOnRecord | undefined {
  return state.developments.find((development) => development.developmentId === developmentId);
}

/**
 * Whether this development, on record, makes its party a party of the treaty: a signature, an accession, a succession
 * or a definitive signature; and, on a treaty registered multilateral, any consent to be bound. Conventions adopted by
 * an organisation are ratified, accepted or approved by states that never signed them (ILO conventions are signed by
 * no state; UNESCO's are "subject to ratification, acceptance or approval" by its members), so there a ratification
 * by a state not on record is how it joins (decision 0067). A treaty of unknown kind keeps the stricter rule, which
 * catches a report naming the wrong state.
 */
export function addsParty(development: Development, treaty: Pick<TreatyProfile, 'kind'>): boolean {
  return (
    (development.type === 'signed' && development.party !== undefined) ||
    (development.type === 'consent-to-be-bound' &&
      (treaty.kind === 'multilateral' || consentAddsParty(development.consentType)))
  );
}

/**
 * Whether an event of this type can change `partiesOf`: the registration (the original parties), a signature or a
 * consent (a party joins), and a correction or a retraction (of one of those: its party changes, or it is off the
 * record). Any other leaves the parties as they were, which lets a reader skip the fold that would tell.
 */
export function mayChangeParties(type: TreatyEventType): boolean {
  switch (type) {
    case 'TreatyRegistered':
    case 'TreatySigned':
    case 'ConsentToBeBoundExpressed':
    case 'DevelopmentCorrected':
    case 'DevelopmentRetracted':
      return true;
    default:
      return false;
  }
}

/**
 * The original parties, then those who joined by a later signature, accession or succession, in the order their
 * reports were recorded. Derived from the record, so a retracted accession takes its party off again.
 */
export function partiesOf(
  treaty: TreatyProfile,
  developments: readonly { readonly current: Development; readonly retracted?: boolean }[],
): string[] {
  const parties = [...treaty.parties];
  for (const development of developments) {
    const party = partyOf(development.current);
    if (
      !development.retracted &&
      party !== undefined &&
      addsParty(development.current, treaty) &&
      !parties.includes(party)
    ) {
      parties.push(party);
    }
  }
  return parties;
}
