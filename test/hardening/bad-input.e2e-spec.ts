import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { FUZZ_SEED, sized } from '../support/torture';
import { RU_IR, dumaApproval, fixedClock, post, registerRuIr, signature, source } from '../support/treaty-requests';

const INHERITED_NAMES = ['prototype', ...Object.getOwnPropertyNames(Object.prototype)];

/** A valid body with one thing broken: a field dropped, its type changed, nulled, oversized, or an unknown one added. */
function broken(valid: Record<string, unknown>, required: readonly string[]) {
  const fields = Object.keys(valid);
  const hostile = fc.oneof(
    fc.constant(null),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
    fc.string({ unit: 'grapheme', maxLength: 20 }).map((text) => `${text}🕊️‮\u0000`),
    fc.constant('x'.repeat(300_000)),
  );
  return fc.oneof(
    fc
      .constantFrom(...required)
      .map((field) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== field))),
    fc.tuple(fc.constantFrom(...fields), hostile).map(([field, value]) => ({ ...valid, [field]: value })),
    fc
      .tuple(
        fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !fields.includes(key)),
        fc.jsonValue(),
      )
      .map(([field, value]) => ({ ...valid, [field]: value })),
    // Names every object inherits (`valueOf`, `toString`...): the validation pipe once took them for known fields.
    fc
      .tuple(fc.constantFrom(...INHERITED_NAMES), fc.jsonValue())
      .map(([field, value]) => JSON.parse(`{${JSON.stringify(field)}:${JSON.stringify(value)}}`) as object)
      .map((extra) => ({ ...valid, ...extra })),
    fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)),
  );
}

const RAW = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"type":', '[1,2', 'null', '"text"', '{"a":1}}', '\u0000\u0001', '{"id": NaN}'),
);

describe('bad input: a generated corpus against every write route', () => {
  let subject: TestApp;
  let store: EventStore;
  let developmentId: string;
  let requests = 0;
  beforeAll(async () => {
    subject = await startTestApp({}, { clock: fixedClock() });
    store = subject.app.get<EventStore>(EVENT_STORE);
    await registerRuIr(subject.http);
    developmentId = (await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201)).body
      .eventId;
  });
  afterAll(() => subject.close());

  const routes = () => [
    { path: '/treaties', body: { ...RU_IR, id: 'fuzzed-treaty' }, required: ['id', 'title', 'parties', 'category'] },
    { path: `/treaties/${RU_IR.id}/developments`, body: dumaApproval(), required: ['type', 'occurredOn', 'source'] },
    {
      path: `/treaties/${RU_IR.id}/developments/${developmentId}/corrections`,
      body: { changes: { occurredOn: '2025-01-17' }, reason: 'why', source: source() },
      required: ['changes', 'reason', 'source'],
    },
    {
      path: `/treaties/${RU_IR.id}/developments/${developmentId}/retractions`,
      body: { reason: 'why', source: source() },
      required: ['reason', 'source'],
    },
  ];

  const expectRefused = (response: request.Response, what: string) => {
    if (
      response.status < 400 ||
      response.status >= 500 ||
      !/problem\+json/.test(String(response.headers['content-type']))
    ) {
      throw new Error(`${what} got ${response.status}: ${JSON.stringify(response.body).slice(0, 300)}`);
    }
    if (/at .*\.(js|ts):\d+/.test(JSON.stringify(response.body))) throw new Error(`${what} leaked a stack trace`);
  };

  it(
    'answers every malformed body with a 4xx problem+json, never a 5xx, and writes nothing',
    async () => {
      const before = (await collect(store.readAll())).length;
      for (const route of routes()) {
        await fc.assert(
          fc.asyncProperty(broken(route.body, route.required), async (body) => {
            requests += 1;
            const response = await request(subject.http)
              .post(route.path)
              .set('Authorization', bearer(KEYS.editor))
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body));
            expectRefused(response, `POST ${route.path} ${JSON.stringify(body).slice(0, 200)}`);
          }),
          { numRuns: sized(220, 2_200), ...FUZZ_SEED },
        );
        await fc.assert(
          fc.asyncProperty(RAW, async (text) => {
            requests += 1;
            const response = await request(subject.http)
              .post(route.path)
              .set('Authorization', bearer(KEYS.editor))
              .set('Content-Type', 'application/json')
              .send(text);
            expectRefused(response, `POST ${route.path} raw ${JSON.stringify(text).slice(0, 100)}`);
          }),
          { numRuns: sized(40, 400), ...FUZZ_SEED },
        );
      }
      expect(requests).toBeGreaterThanOrEqual(1000);
      expect((await collect(store.readAll())).length).toBe(before);
    },
    sized(60_000, 900_000),
  );
});
