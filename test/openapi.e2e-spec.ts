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

  it('serves the interactive documentation at /docs', async () => {
    await request(subject.http).get('/docs').expect(200).expect('Content-Type', /html/);
  });
});
