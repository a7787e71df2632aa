import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from './support/test-app';

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

  it('documents the treaty-law types and fields (issue 13), requests and answers', async () => {
    const { body } = await request(subject.http).get('/docs-json').expect(200);
    const schemas = body.components.schemas as Record<string, { properties: Record<string, { enum?: string[] }> }>;
    expect(schemas['RegisterTreatyRequestDto']?.properties).toEqual(
      expect.objectContaining({
        kind: expect.anything(),
        depositary: expect.anything(),
        entryIntoForce: expect.anything(),
        withdrawalNoticeDays: expect.anything(),
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
      expect.arrayContaining(['formulatedOn', 'confirmedOn', 'confirmationId', 'unconfirmed']),
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
  });

  it('serves the interactive documentation at /docs', async () => {
    await request(subject.http).get('/docs').expect(200).expect('Content-Type', /html/);
  });
});
