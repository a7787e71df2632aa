import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, post, storedEvents } from '../support/treaty-requests';

describe('who may write', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp();
  });
  afterAll(() => subject.close());

  it('answers 401 UNAUTHENTICATED without a key', async () => {
    const response = await request(subject.http).post('/treaties').send(RU_IR).expect(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers 401 INVALID_API_KEY for a wrong key or a malformed header', async () => {
    await post(subject.http, '/treaties', RU_IR, 'not-a-key').expect(401);
    const response = await request(subject.http)
      .post('/treaties')
      .set('Authorization', `Basic ${KEYS.editor}`)
      .send(RU_IR)
      .expect(401);
    expect(response.body).toMatchObject({ code: 'INVALID_API_KEY' });
  });

  it.each([
    ['reader', KEYS.reader],
    ['auditor', KEYS.auditor],
  ])('answers 403 FORBIDDEN to a %s key', async (_role, key) => {
    const response = await post(subject.http, '/treaties', RU_IR, key).expect(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN' });
    expect(await storedEvents(subject, RU_IR.id)).toHaveLength(0);
  });

  it('lets an editor key write', async () => {
    await request(subject.http).post('/treaties').set('Authorization', bearer(KEYS.editor)).send(RU_IR).expect(201);
  });
});
