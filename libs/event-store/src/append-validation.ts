import { InvalidAppendError } from './errors';
import type { NewEvent } from './events';
import { hasLoneSurrogate } from './lone-surrogate';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The checks every adapter makes before touching storage, so that all of them refuse the same input. */
export function assertValidAppend(streamName: string, events: readonly NewEvent[]): void {
  if (typeof streamName !== 'string' || streamName.length === 0) {
    throw new InvalidAppendError('The stream name must be a non-empty string');
  }
  if (hasLoneSurrogate(streamName)) {
    throw new InvalidAppendError(
      `Stream ${JSON.stringify(streamName)}: a name must be well-formed Unicode (no lone surrogate)`,
    );
  }
  if (streamName.startsWith('$')) {
    throw new InvalidAppendError(`Stream "${streamName}": names starting with "$" are reserved for the store`);
  }
  if (events.length === 0) {
    throw new InvalidAppendError(`Stream "${streamName}": an append needs at least one event`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.id)) {
      throw new InvalidAppendError(`Stream "${streamName}": event id "${event.id}" is not a UUID`);
    }
    const id = event.id.toLowerCase();
    if (seen.has(id)) {
      throw new InvalidAppendError(`Stream "${streamName}": event id ${id} appears twice in one append`);
    }
    seen.add(id);
    if (typeof event.type !== 'string' || event.type.length === 0 || event.type.startsWith('$')) {
      throw new InvalidAppendError(`Stream "${streamName}": event ${id} needs a type that does not start with "$"`);
    }
    if (hasLoneSurrogate(event.type)) {
      throw new InvalidAppendError(`Stream "${streamName}": event ${id} needs a type that is well-formed Unicode`);
    }
    if (!isPlainObject(event.data) || (event.metadata !== undefined && !isPlainObject(event.metadata))) {
      throw new InvalidAppendError(`Stream "${streamName}": event ${id} data and metadata must be JSON objects`);
    }
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
