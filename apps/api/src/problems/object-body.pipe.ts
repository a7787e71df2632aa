import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { fieldsProblem } from './validation-problem';

/** A request DTO that names where a list of its kind goes, for a client that posted one as an array. */
export interface ManyGoElsewhere {
  readonly manyGoTo?: string;
}

/**
 * Refuses an array where a route takes one JSON object. The validation pipe would validate the array as an object
 * whose fields are its indexes and answer "property 0 should not exist", which tells the client nothing; this says
 * what the body must be, and where the DTO says so (`manyGoTo`), where a list of them goes.
 */
@Injectable()
export class ObjectBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const { metatype } = metadata;
    if (metadata.type !== 'body' || !Array.isArray(value) || !isDtoClass(metatype)) return value;
    const elsewhere = (metatype as ManyGoElsewhere).manyGoTo;
    throw fieldsProblem([
      { field: '', message: `the body must be one JSON object, not an array${elsewhere ? `: ${elsewhere}` : ''}` },
    ]);
  }
}

/** A class the validation pipe validates the body as: not a built-in type (Object, Array), not absent. */
function isDtoClass(metatype: ArgumentMetadata['metatype']): boolean {
  return typeof metatype === 'function' && ![Object, Array, String, Number, Boolean].includes(metatype as never);
}
