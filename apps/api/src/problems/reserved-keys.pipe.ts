import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ApiProblem } from './api-problem';

/** `prototype`, and every name an object inherits: `__proto__`, `constructor`, `valueOf`, `toString`... */
const RESERVED = new Set(['prototype', ...Object.getOwnPropertyNames(Object.prototype)]);

/**
 * Refuses bodies and query strings with the keys every JavaScript object already has (`__proto__`, `constructor`,
 * `valueOf`, `toString`, ...) or that JavaScript gives a meaning (`prototype`): the validation pipe cannot see
 * them as unknown fields, because the DTO instance answers to them through its prototype.
 */
@Injectable()
export class ReservedKeysPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const field = findReservedKey(value, '');
      if (field !== undefined) {
        throw new ApiProblem(400, 'VALIDATION_FAILED', `${field}: property should not exist`, {
          errors: [{ field, message: 'property should not exist' }],
        });
      }
    }
    return value;
  }
}

function findReservedKey(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (RESERVED.has(key)) return field;
    const nested = findReservedKey((value as Record<string, unknown>)[key], field);
    if (nested !== undefined) return nested;
  }
  return undefined;
}
