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

/**
 * Code points of the general categories that text must refuse, found by Unicode's own regex classes. The zero-width
 * (non-)joiner passes only between letters of a joining script (clean-text.ts); every body here is Latin text, so
 * each placement below must be refused.
 */
const REFUSED_CATEGORIES = ['Cf', 'Cs', 'Co', 'Zl', 'Zp'] as const;
const CODE_POINTS: Record<(typeof REFUSED_CATEGORIES)[number], number[]> = (() => {
  const found = { Cf: [], Cs: [], Co: [], Zl: [], Zp: [] } as Record<(typeof REFUSED_CATEGORIES)[number], number[]>;
  const patterns = REFUSED_CATEGORIES.map((category) => [category, new RegExp(`^\\p{${category}}$`, 'u')] as const);
  for (let point = 0; point <= 0x10ffff; point++) {
    // Private use fills whole planes: a sample of it is as good as all of it, and keeps the scan short.
    if (point > 0xf0000 && point % 4096 !== 0) continue;
    const character = String.fromCodePoint(point);
    for (const [category, pattern] of patterns) if (pattern.test(character)) found[category].push(point);
  }
  return found;
})();

/** A character of one refused category, by index into the ones that category has. */
const refusedCharacter = fc.tuple(fc.constantFrom(...REFUSED_CATEGORIES), fc.nat()).map(([category, index]) => ({
  category,
  character: String.fromCodePoint(CODE_POINTS[category][index % CODE_POINTS[category].length]!),
}));

/** Every text field of a route's body, as paths: where a refused character may hide. */
type TextField = readonly (string | number)[];

function withText(body: Record<string, unknown>, field: TextField, insert: (text: string) => string) {
  const copy = structuredClone(body);
  let target = copy as Record<string | number, unknown>;
  for (const key of field.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = field[field.length - 1]!;
  target[last] = insert(String(target[last]));
  return copy;
}

/** Nesting deeper than any body may be, of arrays, objects or both, as raw JSON. */
const deepValue = fc
  .tuple(fc.integer({ min: 33, max: 5_000 }), fc.constantFrom('arrays', 'objects', 'mixed'))
  .map(([depth, kind]) => {
    let open = '';
    let close = '';
    for (let level = 0; level < depth; level++) {
      const array = kind === 'arrays' || (kind === 'mixed' && level % 2 === 0);
      open += array ? '[' : '{"k":';
      close = (array ? ']' : '}') + close;
    }
    return `${open}1${close}`;
  });

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

  it('answers an array posted where one object goes by what the body must be, and where many developments go', async () => {
    for (const route of routes()) {
      const response = await post(subject.http, route.path, [route.body]).expect(400);
      expect(response.body.errors).toEqual([
        { field: '', message: expect.stringMatching(/^the body must be one JSON object, not an array/) },
      ]);
    }
    const developments = await post(subject.http, `/treaties/${RU_IR.id}/developments`, [dumaApproval()]).expect(400);
    expect(developments.body.detail).toContain('/treaties/{id}/developments:batch');
  });

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
  const textFields = (): { path: string; body: Record<string, unknown>; fields: TextField[] }[] => {
    const [register, report, correct, retract] = routes();
    const sourceFields = (prefix: string[]): TextField[] => [
      [...prefix, 'publisher'],
      [...prefix, 'document'],
      [...prefix, 'quote'],
    ];
    return [
      { path: register!.path, body: register!.body, fields: [['title']] },
      {
        path: report!.path,
        body: { ...signature(), body: 'State Duma', signatories: ['Vladimir Putin', 'Masoud Pezeshkian'] },
        fields: [['place'], ['body'], ['signatories', 0], ['signatories', 1], ...sourceFields(['source'])],
      },
      {
        path: correct!.path,
        body: {
          changes: { body: 'State Duma', place: 'Moscow', signatories: ['Vladimir Putin'] },
          reason: 'why',
          source: source({ document: 'Protocol no. 5' }),
        },
        fields: [
          ['changes', 'body'],
          ['changes', 'place'],
          ['changes', 'signatories', 0],
          ['reason'],
          ...sourceFields(['source']),
        ],
      },
      {
        path: retract!.path,
        body: { reason: 'why', source: source({ document: 'Protocol no. 5' }) },
        fields: [['reason'], ...sourceFields(['source'])],
      },
    ];
  };

  const send = (path: string, text: string) =>
    request(subject.http)
      .post(path)
      .set('Authorization', bearer(KEYS.editor))
      .set('Content-Type', 'application/json')
      .send(text);

  it(
    'refuses every refused Unicode category (Cf, Cs, Co, Zl, Zp) in every text field with 400, and writes nothing',
    async () => {
      const before = (await collect(store.readAll())).length;
      let checked = 0;
      for (const route of textFields()) {
        // Each category in each field at least once, then as many generated placements as the scale asks.
        const placements = fc.tuple(fc.constantFrom(...route.fields), refusedCharacter, fc.nat(), fc.boolean());
        const exhaustive = route.fields.flatMap((field) =>
          REFUSED_CATEGORIES.map(
            (category) =>
              [field, { category, character: String.fromCodePoint(CODE_POINTS[category][0]!) }, 0, true] as const,
          ),
        );
        await fc.assert(
          fc.asyncProperty(placements, async ([field, { category, character }, at, alone]) => {
            const body = withText(route.body, field, (text) =>
              alone
                ? character
                : `${text.slice(0, at % (text.length + 1))}${character}${text.slice(at % (text.length + 1))}`,
            );
            const response = await send(route.path, JSON.stringify(body));
            checked += 1;
            if (response.status !== 400 || response.body.code !== 'VALIDATION_FAILED') {
              throw new Error(
                `${category} U+${character.codePointAt(0)!.toString(16)} in ${field.join('.')} on ${route.path} got ${response.status}`,
              );
            }
          }),
          { numRuns: sized(60, 600), examples: exhaustive.map((example) => [[...example]]) as never, ...FUZZ_SEED },
        );
      }
      expect(checked).toBeGreaterThanOrEqual(200);
      expect((await collect(store.readAll())).length).toBe(before);
    },
    sized(60_000, 900_000),
  );

  it(
    'refuses deep nesting and duplicate keys anywhere in a body with 400, never a 5xx',
    async () => {
      const before = (await collect(store.readAll())).length;
      for (const route of routes()) {
        const fields = Object.keys(route.body);
        const valid = JSON.stringify(route.body);
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              // A deep value in place of a field, or beside it.
              fc.tuple(fc.constantFrom(...fields), deepValue).map(([field, deep]) => ({
                text: JSON.stringify({ ...route.body, [field]: '\u0000DEEP' }).replace('"\\u0000DEEP"', deep),
                code: 'JSON_TOO_DEEP',
              })),
              fc.tuple(deepValue, fc.boolean()).map(([deep, top]) => ({
                text: top ? deep : valid.replace(/^\{/, `{"extra":${deep},`),
                code: 'JSON_TOO_DEEP',
              })),
              // A field given twice, the second time with any value.
              fc.tuple(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 3 })).map(([field, value]) => ({
                text: valid.replace(/\}$/, `,${JSON.stringify(field)}:${JSON.stringify(value) ?? 'null'}}`),
                code: 'DUPLICATE_KEY',
              })),
              // ...or inside the source (the registration has none: its id, then).
              fc.jsonValue({ maxDepth: 2 }).map((value) => ({
                text:
                  'source' in route.body
                    ? valid.replace('"source":{', `"source":{"publisher":${JSON.stringify(value) ?? 'null'},`)
                    : valid.replace(/\}$/, `,"id":${JSON.stringify(value) ?? 'null'}}`),
                code: 'DUPLICATE_KEY',
              })),
            ),
            async ({ text, code }) => {
              requests += 1;
              const response = await send(route.path, text);
              expectRefused(response, `POST ${route.path} ${text.slice(0, 120)}`);
              if (response.status !== 400 || response.body.code !== code) {
                throw new Error(`${text.slice(0, 120)} got ${response.status} ${response.body.code}, expected ${code}`);
              }
            },
          ),
          { numRuns: sized(50, 500), ...FUZZ_SEED },
        );
      }
      expect((await collect(store.readAll())).length).toBe(before);
    },
    sized(60_000, 900_000),
  );
});
