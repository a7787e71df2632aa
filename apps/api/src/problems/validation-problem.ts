import type { ValidationError } from 'class-validator';
import { ApiProblem } from './api-problem';
import { unknownFieldMessage } from './unknown-field';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** A request can be wrong in thousands of places; the answer names this many and counts the rest. */
export const MAX_LISTED_ERRORS = 20;
const MAX_TEXT = 300;

/** Turns class-validator's tree of errors into one 400 problem that names the fields and why, at most 20. */
export function validationProblem(errors: readonly ValidationError[]): ApiProblem {
  return fieldsProblem(flatten(errors, ''));
}

/** One 400 `VALIDATION_FAILED` for these field errors: the first 20 listed, `moreErrors` counting the rest. */
export function fieldsProblem(all: readonly FieldError[]): ApiProblem {
  const fields = all.slice(0, MAX_LISTED_ERRORS).map(({ field, message }) => ({
    field: shortened(field),
    message: shortened(message),
  }));
  const more = all.length - fields.length;
  const detail = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  return new ApiProblem(
    400,
    'VALIDATION_FAILED',
    (detail || 'The request is not valid') + (more > 0 ? `; and ${more} more` : ''),
    { errors: fields, ...(more > 0 ? { moreErrors: more } : {}) },
  );
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  const fields: FieldError[] = [];
  // Iterative: the tree is as deep as the body, and the body's depth is bounded before parsing, but a stack of
  // our own costs nothing.
  const pending: { error: ValidationError; prefix: string }[] = errors.map((error) => ({ error, prefix })).reverse();
  while (pending.length > 0) {
    const { error, prefix: parent } = pending.pop()!;
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const message of messagesOf(error, field)) fields.push({ field, message });
    for (const child of [...(error.children ?? [])].reverse()) pending.push({ error: child, prefix: field });
  }
  return fields;
}

/**
 * What to say of one field. A missing one fails every rule its value would have had to pass ("must be shorter than
 * or equal to 64 characters", "must be a string"), which reads as though a value had been sent: it is named once, as
 * required, as the domain names it. A value that breaks rules says each, and each only once (several decorators
 * may carry the same message). A field the request does not take says so, and what it takes (`unknownFieldMessage`).
 */
function messagesOf(error: ValidationError, field: string): string[] {
  const messages = Object.values(error.constraints ?? {});
  if (messages.length === 0) return [];
  if (error.constraints?.['whitelistValidation'] !== undefined) return [unknownFieldMessage(error, field)];
  if (error.value === undefined) return [`${field} is required`];
  return [...new Set(messages)];
}

function shortened(text: string): string {
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
