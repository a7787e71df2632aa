import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INPUT_LIMITS } from '@timeline/treaty';
import { startTestApp, type TestApp } from '../support/test-app';
import { post, registerRuIr, RU_IR, signature, source } from '../support/treaty-requests';

type Limit = keyof typeof INPUT_LIMITS;

const text = (length: number) => 'x'.repeat(length);
const url = (length: number) => `https://example.org/${'a'.repeat(length - 'https://example.org/'.length)}`;
const parties = (count: number) => Array.from({ length: count }, (_, index) => `P${index.toString(36).toUpperCase()}`);
const names = (count: number) => Array.from({ length: count }, (_, index) => `Signatory ${index}`);

let registered = 0;
/** One probe: a request whose one bounded value has `size` (characters, names or votes). */
interface Probe {
  readonly field: string;
  readonly limit: Limit;
  send(subject: TestApp, size: number): ReturnType<typeof post>;
}

const developments = `/treaties/${RU_IR.id}/developments`;
const PROBES: Probe[] = [
  {
    field: 'title',
    limit: 'title',
    send: (s, size) => post(s.http, '/treaties', { ...RU_IR, id: `limits-${(registered += 1)}`, title: text(size) }),
  },
  {
    field: 'parties',
    limit: 'parties',
    send: (s, size) =>
      post(s.http, '/treaties', { ...RU_IR, id: `limits-${(registered += 1)}`, parties: parties(size) }),
  },
  {
    field: 'source.publisher',
    limit: 'name',
    send: (s, n) => post(s.http, developments, signed({ publisher: text(n) })),
  },
  { field: 'source.url', limit: 'url', send: (s, n) => post(s.http, developments, signed({ url: url(n) })) },
  {
    field: 'source.document',
    limit: 'reference',
    send: (s, n) => post(s.http, developments, signed({ document: text(n) })),
  },
  { field: 'source.quote', limit: 'quote', send: (s, n) => post(s.http, developments, signed({ quote: text(n) })) },
  {
    field: 'place',
    limit: 'name',
    send: (s, n) => post(s.http, developmentsOf('limits-place'), signature({ place: text(n) })),
  },
  {
    field: 'signatories',
    limit: 'signatories',
    send: (s, n) => post(s.http, developmentsOf('limits-signatories'), signature({ signatories: names(n) })),
  },
  {
    field: 'signatories[0]',
    limit: 'name',
    send: (s, n) => post(s.http, developmentsOf('limits-signatory'), signature({ signatories: [text(n)] })),
  },
  {
    field: 'body',
    limit: 'name',
    send: (s, n) =>
      post(s.http, developments, {
        type: 'legislative-approval',
        party: 'RU',
        body: text(n),
        occurredOn: '2025-04-08',
        source: source(),
      }),
  },
  {
    field: 'votes.for',
    limit: 'votes',
    send: (s, n) =>
      post(s.http, developments, {
        type: 'legislative-approval',
        party: 'RU',
        body: 'State Duma',
        occurredOn: '2025-04-08',
        votes: { for: n },
        source: source(),
      }),
  },
];

/**
 * A treaty of its own for a probe of a signature's details: on RU_IR the signature is on record, and a report of it
 * with details it does not hold is refused (decision 0041), whatever the limits.
 */
const OWN_TREATIES = ['limits-place', 'limits-signatories', 'limits-signatory'];
const developmentsOf = (treatyId: string) => `/treaties/${treatyId}/developments`;

function signed(sourceOverrides: Record<string, unknown>) {
  return signature({ source: source({ publishedOn: '2025-01-17', ...sourceOverrides }) });
}

describe('Input limits: the same answer for a value over a limit, whatever its size', () => {
  let subject: TestApp;

  beforeAll(async () => {
    subject = await startTestApp();
    await registerRuIr(subject.http);
    for (const id of OWN_TREATIES) await post(subject.http, '/treaties', { ...RU_IR, id }).expect(201);
  });

  afterAll(async () => {
    await subject?.close();
  });

  describe.each(PROBES)('$field', (probe) => {
    const limit = INPUT_LIMITS[probe.limit];

    it(`is accepted at the domain's ${probe.limit} limit (${limit})`, async () => {
      await probe.send(subject, limit).expect(201);
    });

    it.each([
      ['one over', limit + 1],
      ['twice', limit * 2],
    ])('gets 400 VALIDATION_FAILED naming the field when %s the limit', async (_size, size) => {
      const answer = await probe.send(subject, size).expect(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      const fields = (answer.body.errors as { field: string }[]).map((error) => error.field);
      expect(fields).toContain(probe.field.replace(/\[\d+\]$/, ''));
    });
  });
});
