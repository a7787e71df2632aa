import type { ValidationError } from 'class-validator';
import { ApiProblem } from './api-problem';

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** Turns class-validator's tree of errors into one 400 problem that names every field and why. */
export function validationProblem(errors: readonly ValidationError[]): ApiProblem {
  const fields = flatten(errors, '');
  const detail = fields.map((field) => `${field.field}: ${field.message}`).join('; ');
  return new ApiProblem(400, 'VALIDATION_FAILED', detail || 'The request is not valid', { errors: fields });
}

function flatten(errors: readonly ValidationError[], prefix: string): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}
