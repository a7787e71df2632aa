export type EventUpcastErrorCode =
  'UNKNOWN_EVENT_TYPE' | 'SCHEMA_VERSION_TOO_NEW' | 'INVALID_SCHEMA_VERSION' | 'INVALID_EVENT_DATA';

/**
 * A stored event this version of the domain cannot read. Unlike a TreatyRuleViolation this is never the caller's
 * fault: it means old code is reading newer data, or the store holds something foreign.
 */
export class EventUpcastError extends Error {
  override readonly name = 'EventUpcastError';

  constructor(
    readonly code: EventUpcastErrorCode,
    message: string,
    readonly eventType: string,
    readonly schemaVersion: unknown,
  ) {
    super(message);
  }
}
