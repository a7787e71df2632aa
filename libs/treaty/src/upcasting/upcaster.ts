import { isPlainRecord } from '../plain-data';
import { isTreatyEventType, type TreatyEvent, type TreatyEventType } from '../treaty.events';
import { EventUpcastError } from './event-upcast.error';

/**
 * The schema version every event is written with (the app puts it in the metadata). Raise it when an event's data
 * changes shape, and register an upcaster for each event type that changed, from the previous version.
 */
export const CURRENT_SCHEMA_VERSION = 1;

/** Lifts one event type's data from `fromVersion` to `fromVersion + 1`. Must be pure. */
export type UpcasterStep = {
  readonly eventType: string;
  readonly fromVersion: number;
  readonly upcast: (data: Readonly<Record<string, unknown>>) => Record<string, unknown>;
};

/** Upcaster steps keyed by (event type, from-version). */
export type UpcasterRegistry = ReadonlyMap<string, UpcasterStep>;

export type Upcast = (type: string, data: unknown, schemaVersion: number) => TreatyEvent;

export type UpcasterOptions = {
  readonly currentVersion?: number;
  /** Defaults to the event types of this domain; tests may widen it. */
  readonly isKnownEventType?: (type: string) => boolean;
};

function registryKey(eventType: string, fromVersion: number): string {
  return `${eventType}@${fromVersion}`;
}

/** Builds a registry, refusing two steps for the same (event type, from-version). */
export function upcasterRegistry(steps: readonly UpcasterStep[]): UpcasterRegistry {
  const registry = new Map<string, UpcasterStep>();
  for (const step of steps) {
    if (!Number.isInteger(step.fromVersion) || step.fromVersion < 1) {
      throw new RangeError(`Upcaster for ${step.eventType} must start from a version of 1 or more`);
    }
    const key = registryKey(step.eventType, step.fromVersion);
    if (registry.has(key)) throw new RangeError(`Two upcasters for ${step.eventType} from version ${step.fromVersion}`);
    registry.set(key, step);
  }
  return registry;
}

/**
 * Builds an upcast function over a registry. An event stored at version v goes through the steps for v, v+1, ...
 * up to the current version; a version with no step for that type means its shape did not change then. History is
 * never rewritten: the stored data stays as it was written and is lifted on every read.
 */
export function createUpcaster(registry: UpcasterRegistry, options: UpcasterOptions = {}): Upcast {
  const currentVersion = options.currentVersion ?? CURRENT_SCHEMA_VERSION;
  const isKnown = options.isKnownEventType ?? isTreatyEventType;
  return (type, data, schemaVersion) => {
    if (!isKnown(type)) {
      throw new EventUpcastError(
        'UNKNOWN_EVENT_TYPE',
        `Event type "${type}" is not a treaty event type`,
        type,
        schemaVersion,
      );
    }
    if (!Number.isInteger(schemaVersion) || schemaVersion < 1) {
      throw new EventUpcastError(
        'INVALID_SCHEMA_VERSION',
        `Event type "${type}" has schema version ${String(schemaVersion)}; versions are whole numbers from 1`,
        type,
        schemaVersion,
      );
    }
    if (schemaVersion > currentVersion) {
      throw new EventUpcastError(
        'SCHEMA_VERSION_TOO_NEW',
        `Event type "${type}" was written at schema version ${schemaVersion}, newer than the ${currentVersion} this code reads: deploy the newer code`,
        type,
        schemaVersion,
      );
    }
    if (!isPlainRecord(data)) {
      throw new EventUpcastError(
        'INVALID_EVENT_DATA',
        `Event type "${type}" has data that is not an object`,
        type,
        schemaVersion,
      );
    }
    let lifted: Record<string, unknown> = data;
    for (let version = schemaVersion; version < currentVersion; version++) {
      const step = registry.get(registryKey(type, version));
      if (step) lifted = step.upcast(lifted);
    }
    // The registry's steps are what make the shape current; the cast records that promise.
    return { type: type as TreatyEventType, data: lifted } as unknown as TreatyEvent;
  };
}

/** No event has changed shape yet, so the production registry is empty. */
export const TREATY_UPCASTERS: UpcasterRegistry = upcasterRegistry([]);

/** Reads a stored treaty event at the current schema version. */
export const upcast: Upcast = createUpcaster(TREATY_UPCASTERS);
