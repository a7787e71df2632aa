/**
 * Every rule the treaty domain enforces fails with one of these codes. They are a stable contract: the HTTP layer
 * maps them to problem+json responses and clients may branch on them, so never rename one.
 */
export const TREATY_RULE_CODES = {
  TREATY_ALREADY_REGISTERED: 'conflict',
  TREATY_NOT_FOUND: 'not-found',
  TREATY_TERMINATED: 'conflict',
  DEVELOPMENT_NOT_FOUND: 'not-found',
  DEVELOPMENT_RETRACTED: 'conflict',
  PARTY_NOT_IN_TREATY: 'invalid',
  UNKNOWN_DEVELOPMENT_TYPE: 'invalid',
  DATE_IN_FUTURE: 'invalid',
  SOURCE_BEFORE_DEVELOPMENT: 'invalid',
  DATE_BEFORE_SIGNATURE: 'conflict',
  SIGNATURE_AFTER_DEVELOPMENT: 'conflict',
  EMPTY_CORRECTION: 'invalid',
  INVALID_CORRECTION: 'invalid',
  MISSING_FIELD: 'invalid',
  FIELD_NOT_APPLICABLE: 'invalid',
  INVALID_FIELD: 'invalid',
  INVALID_DATE: 'invalid',
  INVALID_TREATY_ID: 'invalid',
  INVALID_PARTY_CODE: 'invalid',
  DUPLICATE_PARTY: 'invalid',
  TOO_FEW_PARTIES: 'invalid',
  INVALID_CATEGORY: 'invalid',
  INVALID_EVENT_ID: 'invalid',
  INVALID_IDENTIFIER: 'invalid',
  INVALID_RELATION: 'invalid',
  BILATERAL_TREATY_CLOSED: 'conflict',
  PARTY_ALREADY_CONSENTED: 'conflict',
  RESERVATION_NOT_FOUND: 'conflict',
  OBJECTION_NOT_FOUND: 'conflict',
  OBJECTION_TO_OWN_RESERVATION: 'invalid',
  EFFECTIVE_BEFORE_NOTIFICATION: 'invalid',
  SUCCESSION_AFTER_NOTIFICATION: 'invalid',
  CONFIRMATION_BEFORE_RESERVATION: 'conflict',
  CONFIRMATION_AFTER_WITHDRAWAL: 'conflict',
  ACT_BEFORE_RESERVATION: 'conflict',
  WITHDRAWAL_NOTICE_NOT_FOUND: 'conflict',
  REVOCATION_BEFORE_NOTICE: 'conflict',
  WITHDRAWAL_ALREADY_EFFECTIVE: 'conflict',
  REPORT_ALREADY_RECORDED: 'conflict',
  DETAILS_NOT_ON_RECORD: 'conflict',
  DEVELOPMENT_ALREADY_ON_RECORD: 'conflict',
} as const satisfies Record<string, TreatyRuleKind>;

/**
 * What kind of failure a code is, so an adapter can pick a status without listing codes: `not-found` (404),
 * `conflict` with the record (409), `invalid` input (400/422).
 */
export type TreatyRuleKind = 'not-found' | 'conflict' | 'invalid';

export type TreatyRuleCode = keyof typeof TREATY_RULE_CODES;

/** The one error the decider (and the views, for bad options) throws. */
export class TreatyRuleViolation extends Error {
  override readonly name = 'TreatyRuleViolation';
  readonly kind: TreatyRuleKind;

  constructor(
    readonly code: TreatyRuleCode,
    message: string,
    /** The offending input field, dotted for nested ones (`source.publishedOn`, `changes.party`). */
    readonly field?: string,
  ) {
    super(message);
    this.kind = TREATY_RULE_CODES[code];
  }
}

export function isTreatyRuleViolation(error: unknown): error is TreatyRuleViolation {
  return error instanceof TreatyRuleViolation;
}
