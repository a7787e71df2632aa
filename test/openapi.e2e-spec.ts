import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import request from 'supertest';
import { getMetadataStorage } from 'class-validator';
import {
  CALENDAR_DATE_PATTERN,
  INPUT_LIMITS,
  PARTIAL_DATE_PATTERN,
  PARTY_CODE_PATTERN,
  TREATY_ID_PATTERN,
} from '@timeline/treaty';
import { KEYS, bearer } from './support/api-keys';
import { startTestApp, type TestApp } from './support/test-app';

type PropertySchema = {
  type?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  example?: unknown;
  nullable?: boolean;
  minProperties?: number;
  items?: PropertySchema;
};
type Schemas = Record<string, { properties?: Record<string, PropertySchema> }>;
type DtoClass = abstract new (...args: never[]) => unknown;

/** Every class exported by a request DTO file of the treaties' routes. */
async function treatyDtoClasses(): Promise<DtoClass[]> {
  const folder = resolve('apps/api/src/treaties/dto'); // jest runs from the repository's root
  const files = readdirSync(folder).filter((file) => file.endsWith('.dto.ts'));
  const modules = await Promise.all(
    files.map((file) => import(`../apps/api/src/treaties/dto/${file.replace(/\.ts$/, '')}`)),
  );
  return modules.flatMap((module: Record<string, unknown>) =>
    Object.values(module).filter((value): value is DtoClass => typeof value === 'function'),
  );
}

describe('OpenAPI', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp();
  });
  afterAll(() => subject.close());

  it('serves the document at /docs-json describing every write route, its body and its errors', async () => {
    const response = await request(subject.http).get('/docs-json').expect(200);
    const document = response.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>;
      components: { schemas: Record<string, unknown> };
    };
    for (const path of [
      '/treaties',
      '/treaties/{treatyId}/developments',
      '/treaties/{treatyId}/developments/{developmentId}/corrections',
      '/treaties/{treatyId}/developments/{developmentId}/retractions',
    ]) {
      const post = document.paths[path]?.post;
      expect(post).toBeDefined();
      expect(post?.requestBody).toBeDefined();
      expect(Object.keys(post?.responses ?? {})).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '412', '422']),
      );
      // What every write can also answer: a conflict with the record (DATE_BEFORE_SIGNATURE, TREATY_TERMINATED,
      // DEVELOPMENT_RETRACTED...), a body or an append too large, a store unavailable or a treaty too busy.
      expect(Object.keys(post?.responses ?? {})).toEqual(expect.arrayContaining(['409', '413', '503']));
    }
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'RegisterTreatyRequestDto',
        'ReportDevelopmentRequestDto',
        'SourceDto',
        'WriteResponseDto',
      ]),
    );
  });

  it('documents what the webhook routes and downloads really answer', async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const paths = body.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>;
    const responses = (path: string, method: string) => Object.keys(paths[path]?.[method]?.responses ?? {});
    for (const [path, method] of [
      ['/webhooks', 'post'],
      ['/webhooks', 'get'],
      ['/webhooks/{id}', 'get'],
      ['/webhooks/{id}', 'delete'],
      ['/webhooks/{id}/secret', 'post'],
      ['/webhooks/{id}/deliveries', 'get'],
      ['/webhooks/{id}/deliveries/{deliveryId}/retry', 'post'],
    ] as const) {
      expect(responses(path, method)).toEqual(expect.arrayContaining(['401']));
    }
    expect(responses('/webhooks', 'post')).toEqual(expect.arrayContaining(['201', '400', '422']));
    // DELIVERY_NOT_FAILED: a delivery that did not fail is not retried.
    expect(responses('/webhooks/{id}/deliveries/{deliveryId}/retry', 'post')).toEqual(
      expect.arrayContaining(['202', '404', '409']),
    );
    // What a subscription is answered as, `urlUnreadable` included: its url only a stand-in (decision 0107).
    const schemas = body.components.schemas as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas['WebhookSubscriptionDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['id', 'url', 'urlUnreadable', 'state', 'paused', 'revision']),
    );
    for (const path of ['/exports/treaties.csv', '/exports/developments.csv', '/exports/treaties.jsonld']) {
      expect(responses(path, 'get')).toEqual(expect.arrayContaining(['200', '304']));
    }
  });

  it('documents the treaty-law types and fields (issue 13), requests and answers', async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const schemas = body.components.schemas as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    expect(schemas['RegisterTreatyRequestDto']?.properties).toEqual(
      expect.objectContaining({
        kind: expect.anything(),
        depositary: expect.anything(),
        entryIntoForce: expect.anything(),
        withdrawalNoticeDays: expect.anything(),
        withdrawalNotice: expect.anything(),
        identifiers: expect.anything(),
        relations: expect.anything(),
      }),
    );
    const report = schemas['ReportDevelopmentRequestDto']?.properties ?? {};
    expect(report['type']?.enum).toEqual(
      expect.arrayContaining([
        'consent-to-be-bound',
        'reservation',
        'declaration',
        'objection',
        'reservation-withdrawn',
      ]),
    );
    expect(report['type']?.enum).toEqual(
      expect.arrayContaining([
        'provisional-application-started',
        'provisional-application-ended',
        'withdrawal-notified',
      ]),
    );
    expect(report['type']?.enum).toEqual(expect.arrayContaining(['statement', 'negotiations', 'context']));
    for (const field of ['consentType', 'againstParty', 'reservationId', 'text', 'effectiveOn', 'speaker', 'quote']) {
      expect(report[field]).toBeDefined();
    }
    for (const field of ['stage', 'participants', 'summary', 'treaties', 'parties'])
      expect(report[field]).toBeDefined();
    // A chamber's stage of procedure and a reservation's confirmation (VCLT art. 23(2)).
    expect(report['stage']?.enum).toEqual(expect.arrayContaining(['announced', 'first-reading', 'third-reading']));
    expect(report['confirmsReservationId']).toMatchObject({ format: 'uuid' });
    expect(schemas['StepDto']?.properties?.['stage']).toBeDefined();
    expect(Object.keys(schemas['PartyReservationDto']?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'formulatedOn',
        'confirmedOn',
        'confirmationId',
        'unconfirmed',
        'objectionPeriodEndsNotBefore',
      ]),
    );
    expect(Object.keys(schemas['TreatyIdentifiersDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['untsNumber', 'depositaryReference', 'wikidataId', 'officialTextUrl']),
    );
    expect(Object.keys(schemas['PartyStatusDto']?.properties ?? {})).toEqual(
      expect.arrayContaining([
        'consent',
        'inForceOn',
        'inForceOnComputed',
        'reservations',
        'objections',
        'withdrawalEffectiveOn',
      ]),
    );
    expect(Object.keys(schemas['TreatyStatusDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['enteredIntoForceOn', 'enteredIntoForceOnComputed', 'relations', 'originalParties']),
    );
    expect(Object.keys(schemas['TreatyTimelineDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['linkedItems']),
    );
    // Clauses that count months or years, or run to the first day of the following month (decision 0063).
    expect(Object.keys(schemas['EntryIntoForceDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['daysAfter', 'monthsAfter', 'yearsAfter', 'firstDayOfFollowingMonth']),
    );
    expect(Object.keys(schemas['WithdrawalNoticeDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['days', 'months', 'years', 'firstDayOfFollowingMonth']),
    );
    expect(Object.keys(schemas['TreatyStatusDto']?.properties ?? {})).toEqual(
      expect.arrayContaining(['withdrawalNoticeDays', 'withdrawalNotice']),
    );
    // The steps of states that are not parties (decision 0070).
    expect(schemas['TreatyStatusDto']?.properties?.['joining']).toMatchObject({
      additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/StepDto' } },
    });
  });

  it("states the domain's patterns, minimums and examples of dates, party codes and vote counts", async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const schemas = body.components.schemas as Schemas;
    const property = (schema: string, name: string) => schemas[schema]?.properties?.[name];
    const partialDate = { type: 'string', pattern: PARTIAL_DATE_PATTERN.source };
    const partyCode = { type: 'string', pattern: PARTY_CODE_PATTERN.source };
    const count = { type: 'integer', minimum: 0, maximum: INPUT_LIMITS.votes };

    expect(property('ReportDevelopmentRequestDto', 'occurredOn')).toMatchObject({
      ...partialDate,
      example: '2025-04-08',
    });
    for (const name of ['effectiveOn', 'successionOn']) {
      expect(property('ReportDevelopmentRequestDto', name)).toMatchObject(partialDate);
      expect(property('DevelopmentChangesDto', name)).toMatchObject({ ...partialDate, nullable: true });
    }
    expect(property('DevelopmentChangesDto', 'occurredOn')).toMatchObject(partialDate);
    expect(property('SourceDto', 'publishedOn')).toMatchObject({
      type: 'string',
      pattern: CALENDAR_DATE_PATTERN.source,
    });
    for (const name of ['party', 'againstParty']) {
      expect(property('ReportDevelopmentRequestDto', name)).toMatchObject(partyCode);
    }
    expect(property('DevelopmentChangesDto', 'party')).toMatchObject({ ...partyCode, example: 'RU' });
    for (const name of ['participants', 'parties']) {
      expect(property('ReportDevelopmentRequestDto', name)).toMatchObject({ type: 'array', items: partyCode });
    }
    expect(property('ReportDevelopmentRequestDto', 'treaties')?.items).toMatchObject({
      pattern: TREATY_ID_PATTERN.source,
    });
    // A tally names at least one count (the domain refuses `{}`: INVALID_FIELD).
    expect(property('ReportDevelopmentRequestDto', 'votes')).toMatchObject({ minProperties: 1 });
    expect(property('DevelopmentChangesDto', 'votes')).toMatchObject({ minProperties: 1, nullable: true });
    for (const name of ['for', 'against', 'abstained']) {
      expect(property('VotesDto', name)).toMatchObject(count);
      expect(property('VoteCountChangesDto', name)).toMatchObject({ ...count, nullable: true });
    }

    // Each example is one the API takes.
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [field, value] of Object.entries(schema.properties ?? {})) {
        const examples = Array.isArray(value.example) ? value.example : [value.example];
        const rule = value.items ?? value;
        for (const example of examples) {
          if (example === undefined) continue;
          if (rule.pattern !== undefined)
            expect([name, field, new RegExp(rule.pattern).test(String(example))]).toEqual([name, field, true]);
          if (rule.minimum !== undefined)
            expect([name, field, Number(example) >= rule.minimum]).toEqual([name, field, true]);
        }
      }
    }
  });

  it('carries every pattern, bound and whole-number rule that the treaties’ request DTOs check', async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const schemas = body.components.schemas as Schemas;
    const missing: string[] = [];
    let checked = 0;
    for (const dto of await treatyDtoClasses()) {
      const schema = schemas[dto.name];
      if (!schema) continue; // a query's DTO: its rules are the route's parameters
      for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
        const declared = schema.properties?.[rule.propertyName];
        const target = rule.each ? declared?.items : declared;
        const [constraint] = (rule.constraints ?? []) as unknown[];
        const expected =
          rule.name === 'matches'
            ? { pattern: (constraint as RegExp).source }
            : rule.name === 'min'
              ? { minimum: constraint }
              : rule.name === 'max'
                ? { maximum: constraint }
                : rule.name === 'maxLength'
                  ? { maxLength: constraint }
                  : rule.name === 'arrayMaxSize'
                    ? { maxItems: constraint }
                    : rule.name === 'arrayMinSize'
                      ? { minItems: constraint }
                      : rule.name === 'arrayUnique'
                        ? { uniqueItems: true }
                        : rule.name === 'isInt'
                          ? { type: 'integer' }
                          : null;
        // A choice of values (an enum) says more than its length.
        if (expected === null || (rule.name === 'maxLength' && declared && 'enum' in declared)) continue;
        checked += 1;
        const [key, value] = Object.entries(expected)[0]!;
        if ((target as Record<string, unknown> | undefined)?.[key] !== value) {
          missing.push(`${dto.name}.${rule.propertyName}: ${key} ${String(value)}`);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(20);
    expect(missing).toEqual([]);
  });

  it("gives the treaty listing and the auditors' routes the schemas and errors they answer with", async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    type Operation = { responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> };
    const paths = body.paths as Record<string, Record<string, Operation>>;
    const schemas = body.components.schemas as Schemas;
    const schemaOf = (path: string) => {
      const ref = paths[path]?.get?.responses['200']?.content?.['application/json']?.schema?.$ref ?? '';
      return schemas[ref.replace('#/components/schemas/', '')]?.properties;
    };
    const documentedKeys = (path: string) => Object.keys(schemaOf(path) ?? {}).sort();

    // What a client generated from the document reads is what the routes send, key for key.
    const sync = await request(subject.http).get('/treaties?changedSince=0').expect(200);
    expect(documentedKeys('/treaties')).toEqual(expect.arrayContaining(Object.keys(sync.body)));
    expect(documentedKeys('/treaties')).toEqual(['changedUpTo', 'deleted', 'items', 'leftFilter', 'nextCursor']);
    const items = schemaOf('/treaties')?.items as { items?: { $ref?: string } } | undefined;
    expect(items?.items?.$ref).toBe('#/components/schemas/TreatyStatusDto');
    for (const path of ['/audit/checkpoint', '/audit/public-key']) {
      const answer = await request(subject.http).get(path).set('Authorization', bearer(KEYS.auditor)).expect(200);
      expect(documentedKeys(path)).toEqual(Object.keys(answer.body).sort());
    }
    for (const path of [
      '/audit/public-key',
      '/audit/checkpoint',
      '/audit/log',
      '/audit/verify',
      '/audit/treaties/{treatyId}/verify',
    ]) {
      expect(Object.keys(paths[path]?.get?.responses ?? {})).toEqual(expect.arrayContaining(['200', '401', '403']));
    }
    expect(Object.keys(paths['/audit/log']?.get?.responses ?? {})).toContain('400');
    expect(Object.keys(paths['/audit/checkpoint']?.get?.responses ?? {})).toEqual(
      expect.arrayContaining(['409', '503']),
    );
  });

  it('documents the timeline in pages: limit, cursor, nextCursor, Link and 304', async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const operation = body.paths['/treaties/{treatyId}/timeline'].get as {
      parameters: { name: string; in: string; schema?: { maximum?: number } }[];
      responses: Record<string, { headers?: Record<string, unknown> }>;
    };
    const query = Object.fromEntries(
      operation.parameters.filter((parameter) => parameter.in === 'query').map((each) => [each.name, each]),
    );
    expect(Object.keys(query)).toEqual(expect.arrayContaining(['asOf', 'knownAt', 'minPosition', 'limit', 'cursor']));
    expect(query['limit']?.schema?.maximum).toBe(1000);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '304', '404', '410']));
    expect(Object.keys(operation.responses['200']?.headers ?? {})).toContain('Link');
    expect(Object.keys(body.components.schemas.TreatyTimelineDto.properties)).toContain('nextCursor');
  });

  it('serves the interactive documentation at /docs', async () => {
    await request(subject.http).get('/docs').expect(200).expect('Content-Type', /html/);
  });
});
