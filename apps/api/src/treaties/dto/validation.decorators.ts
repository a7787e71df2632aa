import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidateIf } from 'class-validator';
import { CALENDAR_DATE_PATTERN, isCalendarDate, PARTIAL_DATE_PATTERN } from '@timeline/treaty';
import { forbiddenCharacter, hasVisibleCharacter, normalizedName } from './clean-text';

/**
 * Optional, but not nullable: class-validator's `@IsOptional` also lets `null` through, which would reach the
 * domain as a value. Absent means absent; `null` fails the field's other checks.
 */
export const IsAbsentOr = () => ValidateIf((_object, value) => value !== undefined);

/** Optional and clearable: `null` is accepted and means "remove this value" (in corrections). */
export const IsAbsentNullOr = () => ValidateIf((_object, value) => value !== undefined && value !== null);

/** The domain's ways of writing a date, checked here before the domain checks the calendar. */
export const PARTIAL_DATE = PARTIAL_DATE_PATTERN;
export const CALENDAR_DATE = CALENDAR_DATE_PATTERN;

/**
 * A query's day (a date, or a timestamp's date) that exists in the calendar: 2025-02-30 is written as a date should
 * be, and only the calendar refuses it. A read has no decision for the domain to refuse it in, so it is malformed
 * input like any other (400 VALIDATION_FAILED naming the parameter), not a rule of the record (422). A value of the
 * wrong shape is left to the pattern's own message.
 */
export const IsExistingDay = () =>
  ValidateBy({
    name: 'isExistingDay',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'string' ||
        !CALENDAR_DATE_PATTERN.test(value.slice(0, 10)) ||
        isCalendarDate(value.slice(0, 10)),
      defaultMessage: (args) => `$property must be a day that exists; ${String(args?.value).slice(0, 10)} does not`,
    },
  });

/**
 * Free text that displays as it reads: no control characters (line breaks and tabs only where `multiline`), no
 * format, surrogate, private-use or line/paragraph separator characters, and at least one visible character.
 * Single-line text (names, titles, places) is normalised to NFC first; multi-line text (quotes, reasons) is kept
 * verbatim. The one rule for every text field: DTOs only choose single- or multi-line.
 */
export const IsCleanText = (options: { multiline?: boolean; each?: boolean } = {}) => {
  const multiline = options.multiline ?? false;
  const each = options.each ?? false;
  return applyDecorators(
    ...(multiline ? [] : [Transform(({ value }: { value: unknown }) => normalizedName(value))]),
    ValidateBy(
      {
        name: 'cleanText',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || forbiddenCharacter(value, multiline) === undefined,
          defaultMessage: (args) =>
            `$property must not contain ${describeForbidden(args?.value, multiline)}: control${multiline ? ' (other than line breaks and tabs)' : ''}, format, surrogate, private-use or line/paragraph separator characters`,
        },
      },
      { each },
    ),
    ValidateBy(
      {
        name: 'visibleText',
        validator: {
          validate: (value: unknown) => typeof value !== 'string' || hasVisibleCharacter(value),
          defaultMessage: () => '$property must contain a visible character',
        },
      },
      { each },
    ),
  );
};

function describeForbidden(value: unknown, multiline: boolean): string {
  const texts = Array.isArray(value) ? value : [value];
  for (const text of texts) {
    const found = typeof text === 'string' ? forbiddenCharacter(text, multiline) : undefined;
    if (found) return found;
  }
  return 'such characters';
}

/**
 * One of the values allowed for the development's `type`, when one field takes another vocabulary per type (a
 * negotiation's stage, a chamber's stage). A type not listed may have any of them: the domain then says the field
 * does not apply to it.
 */
export const IsInForType = (allowedByType: Readonly<Record<string, readonly string[]>>) => {
  const every = [...new Set(Object.values(allowedByType).flat())];
  const allowedFor = (type: unknown): readonly string[] =>
    typeof type === 'string' && Object.hasOwn(allowedByType, type) ? allowedByType[type]! : every;
  return ValidateBy({
    name: 'isInForType',
    validator: {
      validate: (value: unknown, args) =>
        typeof value === 'string' && allowedFor((args?.object as { type?: unknown }).type).includes(value),
      defaultMessage: (args) => {
        const type = (args?.object as { type?: unknown }).type;
        const allowed = allowedFor(type).join(', ');
        return typeof type === 'string' && Object.hasOwn(allowedByType, type)
          ? `$property of a ${type} must be one of ${allowed}`
          : `$property must be one of ${allowed}`;
      },
    },
  });
};

/**
 * A clause's period given once: exactly one of `names` (its days, months and years fields) in the nested object, so
 * that `{ daysAfter: 30, monthsAfter: 1 }` or a clause with no period fails here, naming the clause, rather than as a
 * rule of the record. A value that is not an object is left to the field's other checks.
 */
export const IsOnePeriod = (names: readonly string[]) =>
  ValidateBy({
    name: 'isOnePeriod',
    validator: {
      validate: (value: unknown) =>
        typeof value !== 'object' ||
        value === null ||
        names.filter((name) => (value as Record<string, unknown>)[name] !== undefined).length === 1,
      defaultMessage: (args) => {
        const value = args?.value as Record<string, unknown> | undefined;
        const given = names.filter((name) => value?.[name] !== undefined);
        return given.length === 0
          ? `$property needs its period: one of ${names.join(', ')}`
          : `$property takes one period, in one of ${names.join(', ')}; got ${given.join(' and ')}`;
      },
    },
  });

/** Absent when `other` is given: two ways of writing one term (a notice in days, and a notice in any unit). */
export const IsNotWith = (other: string) =>
  ValidateBy({
    name: 'isNotWith',
    validator: {
      validate: (_value: unknown, args) => (args?.object as Record<string, unknown>)[other] === undefined,
      defaultMessage: () => `give $property or ${other}, not both`,
    },
  });

/**
 * A registration's original parties: two at least, except on a treaty registered multilateral, which may name none
 * (its states join later by signature or consent: decision 0067), as the domain's `requireParties` says. A value that
 * is not a list is left to the field's other checks.
 */
export const HasOriginalParties = () =>
  ValidateBy({
    name: 'hasOriginalParties',
    validator: {
      validate: (value: unknown, args) =>
        !Array.isArray(value) || value.length >= 2 || (args?.object as { kind?: unknown }).kind === 'multilateral',
      defaultMessage: () => '$property must name at least two parties (a treaty registered multilateral may name none)',
    },
  });
