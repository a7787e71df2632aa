import { getMetadataStorage, type ValidationError } from 'class-validator';

/**
 * A request DTO that says why a field it does not take is not taken, where "not a field" would leave the client
 * guessing (a correction cannot change a statement's speaker: that is another statement).
 */
export interface ExplainsUnknownFields {
  readonly unknownFields?: Readonly<Record<string, string>>;
}

/** Past this many, the fields a DTO takes are not listed: its schema in /docs says them better. */
const MAX_LISTED_FIELDS = 12;

/**
 * What to say of a field the request's DTO does not take, instead of class-validator's "property x should not
 * exist": the DTO's own reason when it gives one, else the fields it does take when they are few.
 */
export function unknownFieldMessage(error: ValidationError, field: string): string {
  const type = error.target?.constructor as (ExplainsUnknownFields & (new () => object)) | undefined;
  const reason = type?.unknownFields?.[error.property];
  if (reason !== undefined) return `${field} ${reason}`;
  const taken = type === undefined ? [] : fieldsTakenBy(type);
  const listed = taken.length > 0 && taken.length <= MAX_LISTED_FIELDS ? `: it takes ${taken.join(', ')}` : '';
  return `${field} is not a field of this request${listed}`;
}

const fieldsByType = new WeakMap<object, readonly string[]>();

function fieldsTakenBy(type: new () => object): readonly string[] {
  let fields = fieldsByType.get(type);
  if (fields === undefined) {
    const metadata = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
    fields = [...new Set(metadata.map((one) => one.propertyName))];
    fieldsByType.set(type, fields);
  }
  return fields;
}
