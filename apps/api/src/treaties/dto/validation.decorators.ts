import { ValidateIf } from 'class-validator';

/**
 * Optional, but not nullable: class-validator's `@IsOptional` also lets `null` through, which would reach the
 * domain as a value. Absent means absent; `null` fails the field's other checks.
 */
export const IsAbsentOr = () => ValidateIf((_object, value) => value !== undefined);

/** Optional and clearable: `null` is accepted and means "remove this value" (in corrections). */
export const IsAbsentNullOr = () => ValidateIf((_object, value) => value !== undefined && value !== null);

export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
export const CALENDAR_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const PARTY_CODE = /^[A-Z][A-Z0-9]{1,9}$/;
