import { describe, expect, it } from '@jest/globals';
import { toEventData } from './event-data';
import { approved, corrected, registered, signed, uuid } from './testing/treaty-fixtures';

// The event store's JSON type, restated: toEventData's result must be assignable to it without a cast.
type StoreJson = string | number | boolean | null | StoreJson[] | { [key: string]: StoreJson };
type StoreJsonObject = { [key: string]: StoreJson };

describe('toEventData', () => {
  it.each([
    registered(),
    signed(uuid(2), '2025-01', { place: 'Moscow' }),
    approved(uuid(3), 'RU', 'State Duma', '2025-04-08'),
    corrected(uuid(2), { place: null, occurredOn: '2025-01-17' }),
  ])('is the event data as a fresh JSON object ($type)', (event) => {
    const data: StoreJsonObject = toEventData(event);
    expect(data).toStrictEqual(event.data);
    expect(data).not.toBe(event.data);
  });
});
