import type { TreatyEvent } from './treaty.events';

/** JSON as a store holds it. Structurally the same as the event store's JsonObject, so it can be passed straight on. */
export type PlainJson = string | number | boolean | null | PlainJson[] | { [key: string]: PlainJson };
export type PlainJsonObject = { [key: string]: PlainJson };

/**
 * An event's data as a fresh JSON object for an append. Event types use optional fields and readonly lists, which
 * TypeScript will not accept as JSON; decide never writes `undefined`, so the round trip changes nothing.
 */
export function toEventData(event: TreatyEvent): PlainJsonObject {
  return JSON.parse(JSON.stringify(event.data)) as PlainJsonObject;
}
