import { describe, expect, it } from '@jest/globals';
import { parseValidAtom } from '../../../../test/support/atom-checks';
import { entriesOf, renderAtom } from './atom-feed';
import type { DevelopmentRecord } from './development-records';

const record: DevelopmentRecord = {
  treatyId: 't-1',
  treatyTitle: 'Treaty on <Things> & "Stuff"',
  treatyParties: ['RU', 'IR'],
  developmentId: '0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e11',
  type: 'legislative-approval',
  occurredOn: '2025-04',
  precision: 'month',
  party: 'RU',
  body: 'State Duma',
  sources: [
    {
      publisher: 'A & B',
      publishedOn: '2025-04-09',
      url: 'https://example.org/?a=1&b=2',
      kind: 'original',
      recordedAt: '2025-04-09T10:00:00.000Z',
      position: '7',
    },
  ],
  recordedAt: '2025-04-09T10:00:00.000Z',
  updatedAt: '2025-04-10T10:00:00.000Z',
  position: '7',
  corrections: [],
  retraction: {
    eventId: '6f1c2d9e-1111-4a51-9d52-1c2b0f6c8e11',
    reason: 'Wrong <vote>',
    recordedAt: '2025-04-10T10:00:00.000Z',
    position: '8',
    source: { publisher: 'C', publishedOn: '2025-04-10' },
  },
};

const feed = (entries: ReturnType<typeof entriesOf>) =>
  renderAtom({
    id: 'http://localhost/feeds/developments.atom',
    title: 'T & <x>',
    updated: '2025-04-10T10:00:00.000Z',
    paging: {
      self: 'http://localhost/f',
      first: 'http://localhost/f',
      last: 'http://localhost/f?page=2',
      next: 'http://localhost/f?page=2',
    },
    entries,
  });

describe('renderAtom', () => {
  it('escapes every text and attribute, and passes the RFC 4287 checks', () => {
    const parsed = parseValidAtom(feed(entriesOf(record, 'http://localhost')));
    expect(parsed.entries.map((entry) => entry.id)).toEqual([
      'urn:uuid:0b8a1d36-3f0e-4a51-9d52-1c2b0f6c8e11',
      'urn:uuid:6f1c2d9e-1111-4a51-9d52-1c2b0f6c8e11',
    ]);
    expect(parsed.entries[0]!.title).toBe(
      '[Retracted] Legislative approval (RU, State Duma): Treaty on <Things> & "Stuff"',
    );
    expect(parsed.entries[0]!.content).toContain('Date: 2025-04 (known to the month).');
    expect(parsed.entries[0]!.links).toContainEqual({
      rel: 'via',
      href: 'https://example.org/?a=1&b=2',
      title: 'A & B',
    });
    expect(parsed.links).toMatchObject({ next: 'http://localhost/f?page=2', last: 'http://localhost/f?page=2' });
  });

  it('keeps line breaks as recorded: a CR in text, a tab or line break in an attribute, which parsers would normalise', () => {
    const quote = 'First line\r\nsecond\rthird\n\tfourth';
    const pasted: DevelopmentRecord = {
      ...record,
      retraction: null,
      sources: [{ ...record.sources[0]!, publisher: 'A\tB\nC', quote }],
    };
    const parsed = parseValidAtom(feed(entriesOf(pasted, 'http://localhost')));
    expect(parsed.entries[0]!.content).toContain(`“${quote}”`);
    expect(parsed.entries[0]!.links).toContainEqual({
      rel: 'via',
      href: 'https://example.org/?a=1&b=2',
      title: 'A\tB\nC',
    });
  });

  it('drops the control characters XML 1.0 forbids, so that one pasted character cannot break the whole feed', () => {
    const pasted: DevelopmentRecord = {
      ...record,
      treatyTitle: 'Treaty\u0000 on\u0008 things\u001b',
      sources: [{ ...record.sources[0]!, quote: 'bell\u0007 form feed\u000c done\uffff' }],
    };
    const parsed = parseValidAtom(feed(entriesOf(pasted, 'http://localhost')));
    expect(parsed.entries[0]!.title).toBe('[Retracted] Legislative approval (RU, State Duma): Treaty on things');
    expect(parsed.entries[0]!.content).toContain('“bell form feed done”');
  });

  it('is checked by a checker that does fail on invalid Atom', () => {
    const valid = feed(entriesOf(record, 'http://localhost'));
    expect(() => parseValidAtom(valid.replace(/<id>urn:uuid:0b8a[^<]*<\/id>/, ''))).toThrow('exactly one atom:id');
    expect(() => parseValidAtom(valid.replace('<author><name>Treaty Timeline</name></author>', ''))).toThrow('author');
    expect(() => parseValidAtom(valid.replace('&amp;', '&'))).toThrow('XML');
    const duplicated = entriesOf(record, 'http://localhost');
    expect(() => parseValidAtom(feed([duplicated[0]!, duplicated[0]!]))).toThrow('share an id');
    expect(() => parseValidAtom(valid.replace('2025-04-09T10:00:00.000Z', '9 April 2025'))).toThrow('RFC 3339');
  });
});
