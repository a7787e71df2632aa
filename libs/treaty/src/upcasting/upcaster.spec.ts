import { describe, expect, it } from '@jest/globals';
import { registered, signed, uuid } from '../testing/treaty-fixtures';
import { EventUpcastError } from './event-upcast.error';
import { createUpcaster, CURRENT_SCHEMA_VERSION, upcast, upcasterRegistry } from './upcaster';

describe('upcasting', () => {
  it('reads current events as they are', () => {
    const event = signed(uuid(2), '2025-01-17');
    expect(CURRENT_SCHEMA_VERSION).toBe(1);
    expect(upcast(event.type, event.data, CURRENT_SCHEMA_VERSION)).toEqual(event);
  });

  describe('with a registry of steps (as a future version would have)', () => {
    // Imagine: v1 TreatyRegistered had `name` and a comma-separated `parties`; v2 renamed `name` to `title`;
    // v3 split the parties into a list. TreatySigned changed only in v3 (`signedAt` became `occurredOn`).
    const registry = upcasterRegistry([
      {
        eventType: 'TreatyRegistered',
        fromVersion: 1,
        upcast: ({ name, ...rest }) => ({ ...rest, title: name }),
      },
      {
        eventType: 'TreatyRegistered',
        fromVersion: 2,
        upcast: (data) => ({ ...data, parties: String(data['parties']).split(',') }),
      },
      {
        eventType: 'TreatySigned',
        fromVersion: 2,
        upcast: ({ signedAt, ...rest }) => ({ ...rest, occurredOn: signedAt }),
      },
    ]);
    const read = createUpcaster(registry, { currentVersion: 3 });

    it('lifts an old shape to the current one step by step', () => {
      const stored = {
        treatyId: 'ru-ir-partnership',
        name: 'Treaty on Comprehensive Strategic Partnership',
        parties: 'RU,IR',
        category: 'partnership',
      };
      expect(read('TreatyRegistered', stored, 1)).toEqual(registered());
    });

    it('starts from the version the event was written with', () => {
      const stored = { ...registered().data, parties: 'RU,IR' };
      expect(read('TreatyRegistered', stored, 2)).toEqual(registered());
    });

    it('skips versions in which an event type did not change', () => {
      const { occurredOn, ...rest } = signed(uuid(2), '2025-01-17').data;
      expect(read('TreatySigned', { ...rest, signedAt: occurredOn }, 1)).toEqual(signed(uuid(2), '2025-01-17'));
    });

    it('leaves the stored data untouched', () => {
      const stored = { treatyId: 't', name: 'T', parties: 'RU,IR', category: 'trade' };
      const copy = structuredClone(stored);
      read('TreatyRegistered', stored, 1);
      expect(stored).toEqual(copy);
    });
  });

  it('refuses an event written by a newer version', () => {
    const event = registered();
    expect(() => upcast(event.type, event.data, 2)).toThrow(EventUpcastError);
    expect(() => upcast(event.type, event.data, 2)).toThrow(/schema version 2, newer than the 1 this code reads/);
    try {
      upcast(event.type, event.data, 2);
    } catch (error) {
      expect(error).toMatchObject({ code: 'SCHEMA_VERSION_TOO_NEW', eventType: 'TreatyRegistered', schemaVersion: 2 });
    }
  });

  it('refuses an unknown event type', () => {
    expect(() => upcast('TreatyRenamed', {}, 1)).toThrow(expect.objectContaining({ code: 'UNKNOWN_EVENT_TYPE' }));
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the schema version %s', (version) => {
    expect(() => upcast('TreatyRegistered', registered().data, version)).toThrow(
      expect.objectContaining({ code: 'INVALID_SCHEMA_VERSION' }),
    );
  });

  it('refuses data that is not an object', () => {
    expect(() => upcast('TreatyRegistered', 'x', 1)).toThrow(expect.objectContaining({ code: 'INVALID_EVENT_DATA' }));
  });

  it('refuses a registry with two steps for the same event type and version', () => {
    const step = { eventType: 'TreatySigned', fromVersion: 1, upcast: (data: Record<string, unknown>) => data };
    expect(() => upcasterRegistry([step, step])).toThrow(/Two upcasters for TreatySigned from version 1/);
  });
});
