import type { Development } from '../development';
import type { Source, TreatyCategory } from '../treaty.events';

export type TreatyProfile = {
  readonly treatyId: string;
  readonly title: string;
  readonly parties: readonly string[];
  readonly category: TreatyCategory;
};

/** One reported development as the decider sees it: enough to check new reports against the record. */
export type DevelopmentOnRecord = {
  readonly developmentId: string;
  /** As first reported. */
  readonly reported: Development;
  /** With every correction applied in order. */
  readonly current: Development;
  /** The original source first, then each corroboration's. */
  readonly sources: readonly Source[];
  readonly retracted: boolean;
};

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
