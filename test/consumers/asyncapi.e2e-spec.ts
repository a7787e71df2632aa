import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app';

describe('GET /asyncapi.json', () => {
  let subject: TestApp;
  beforeAll(async () => (subject = await startTestApp({ publicReads: false })));
  afterAll(() => subject.close());

  it('serves the AsyncAPI 3 document to anyone, like the OpenAPI one, naming the server it was reached at', async () => {
    const response = await request(subject.http).get('/asyncapi.json').set('Host', 'timeline.example:8080').expect(200);
    expect(response.body).toMatchObject({
      asyncapi: '3.0.0',
      servers: { api: { host: 'timeline.example:8080', protocol: 'http' } },
    });
    expect(Object.keys(response.body.channels)).toEqual(['live', 'treatyLive', 'webhook']);
  });
});
