// The treaty domain: pure TypeScript, no framework, no I/O, no clock.
export * from './partial-date';
export { latestDateOnEarth } from './latest-date-on-earth';
export * from './treaty-rule-violation.error';
export * from './stream-name';
export * from './treaty.events';
export * from './treaty.commands';
export * from './event-data';
export * from './development-type';
export * from './law/treaty-law.vocabulary';
export { noticeRevokedBy } from './law/withdrawal-revocation';
export {
  applyChanges,
  bodyOf,
  developmentEvent,
  developmentOfEvent,
  identityKey,
  normalizeBody,
  partyOf,
  type Development,
} from './development';
export {
  CALENDAR_DATE_PATTERN,
  INPUT_LIMITS,
  PARTIAL_DATE_PATTERN,
  PARTY_CODE_PATTERN,
  TREATY_ID_PATTERN,
} from './decider/input-validation';
export { addDays, refinedDate } from './partial-date';
export * from './decider/treaty.state';
export { openToStatesNotParties, type PartyAct } from './decider/record-rules';
export { detailsNotOnRecord, type DetailNotOnRecord } from './decider/details-not-on-record';
export { evolve } from './decider/treaty.evolve';
export { decide } from './decider/treaty.decide';
export { foldTreaty, treatyDecider } from './decider/treaty.decider';
export * from './upcasting/event-upcast.error';
export * from './upcasting/upcaster';
export type { TreatyEventEnvelope } from './views/treaty-event-envelope';
export { TreatyHistoryFold, type TreatyHistory } from './views/treaty-history';
export { resolveViewOptions, type ResolvedViewOptions, type ViewOptions } from './views/view-options';
export type { ViewSource } from './views/view-sources';
export * from './views/treaty-status.view';
export * from './views/treaty-status-summary';
export type { Disagreement, RatificationStep } from './views/status-parts';
export { RECORD_WARNING_CODES, type RecordWarning, type RecordWarningCode } from './views/record-warnings';
export type { RecordedTwice } from './views/recorded-twice';
export * from './views/treaty-timeline.view';
export * from './views/treaty-links';
export * from './views/treaties-not-on-record';
export type { ComputedDate } from './views/entry-into-force';
export type { EarlierEntryIntoForce } from './views/earlier-entries-into-force';
export type { EarlierWithdrawal } from './views/earlier-withdrawals';
export type {
  DaysBetween,
  PartyConsent,
  PartyObjection,
  PartyReservation,
  PartyWithdrawal,
  ProvisionalApplication,
} from './views/party-status';
