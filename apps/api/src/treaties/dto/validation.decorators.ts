import { Matches, ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: class-validator's `@IsOptional` also lets `null` through, which would reach the
 * domain as a value. Absent means absent; `null` fails the field's other checks.
 */
export const IsAbsentOr = () => ValidateIf((_object, value) => value !== undefined);

/** Optional and clearable: `null` is accepted and means "remove this value" (in corrections). */
export const IsAbsentNullOr = () => ValidateIf((_object, value) => value !== undefined && value !== null);

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

// Control characters, and the bidirectional overrides and isolates that can make text display other than it reads.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_MULTI_LINE = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]*$/;

/** Free text that displays as it reads: no control characters (line breaks only where `multiline`), no bidi overrides. */
export const IsCleanText = (options: { multiline?: boolean; each?: boolean } = {}) =>
  Matches(options.multiline ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE, {
    each: options.each ?? false,
    message: `$property must not contain control characters${options.multiline ? ' (other than line breaks and tabs)' : ''} or bidirectional overrides`,
  });
