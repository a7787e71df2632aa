import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { KEYS, bearer } from '../support/api-keys';
import { startTestApp, whenReady, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, post, registerRuIr, signature, source } from '../support/treaty-requests';

type Caller = 'anonymous' | 'wrong key' | 'reader' | 'editor' | 'auditor';
const CALLERS: Caller[] = ['anonymous', 'wrong key', 'reader', 'editor', 'auditor'];
const KEY_OF: Record<Caller, string | undefined> = {
  anonymous: undefined,
  'wrong key': 'not-a-key-of-this-service',
  reader: KEYS.reader,
  editor: KEYS.editor,
  auditor: KEYS.auditor,
};
const READERS: Caller[] = ['reader', 'editor', 'auditor'];
const EVERYONE: Caller[] = ['anonymous', 'reader', 'editor', 'auditor'];

describe('who may call every route (reads closed: TIMELINE_PUBLIC_READS=false)', () => {
  let subject: TestApp;
  let developmentId: string;
  beforeAll(async () => {
    subject = await startTestApp({ publicReads: false });
    await registerRuIr(subject.http);
    developmentId = (await post(subject.http, `/treaties/${RU_IR.id}/developments`, signature()).expect(201)).body
      .eventId;
  });
  afterAll(() => subject.close());

  const routes = (): { method: 'get' | 'post'; path: string; body?: object; allowed: Caller[] }[] => [
    { method: 'get', path: '/health', allowed: EVERYONE },
    { method: 'get', path: '/health/ready', allowed: EVERYONE },
    { method: 'get', path: '/metrics', allowed: READERS },
    { method: 'get', path: '/docs-json', allowed: [...EVERYONE, 'wrong key'] },
    { method: 'get', path: '/treaties', allowed: READERS },
    { method: 'get', path: `/treaties/${RU_IR.id}`, allowed: READERS },
    { method: 'get', path: `/treaties/${RU_IR.id}/timeline`, allowed: READERS },
    { method: 'get', path: `/treaties/${RU_IR.id}/developments/${developmentId}`, allowed: READERS },
    { method: 'post', path: '/treaties', body: { ...RU_IR, id: 'x-matrix' }, allowed: ['editor'] },
    {
      method: 'post',
      path: `/treaties/${RU_IR.id}/developments`,
      body: dumaApproval({ occurredOn: '2025-04' }),
      allowed: ['editor'],
    },
    {
      method: 'post',
      path: `/treaties/${RU_IR.id}/developments/${developmentId}/corrections`,
      body: { changes: { place: 'Kremlin' }, reason: 'precision', source: source() },
      allowed: ['editor'],
    },
    {
      method: 'post',
      path: '/extractions',
      body: { text: 'Russia signed the treaty with Iran on Friday.', publishedOn: '2025-01-17' },
      allowed: ['editor'],
    },
    { method: 'get', path: '/audit/public-key', allowed: ['auditor'] },
    { method: 'get', path: '/audit/checkpoint', allowed: ['auditor'] },
    { method: 'get', path: '/audit/log?limit=1', allowed: ['auditor'] },
    { method: 'get', path: '/audit/verify', allowed: ['auditor'] },
    { method: 'get', path: `/audit/treaties/${RU_IR.id}/verify`, allowed: ['auditor'] },
    { method: 'post', path: '/audit/projections/rebuild?dryRun=true', allowed: ['auditor'] },
  ];

  it('lets in exactly the roles that belong, for every route and every caller', async () => {
    const outcomes: string[] = [];
    for (const route of routes()) {
      for (const caller of CALLERS) {
        let call =
          route.method === 'get' ? request(subject.http).get(route.path) : request(subject.http).post(route.path);
        const key = KEY_OF[caller];
        if (key) call = call.set('Authorization', bearer(key));
        const response = await (route.body ? call.send(route.body) : call);
        const expected = route.allowed.includes(caller) ? 'in' : key && caller !== 'wrong key' ? 403 : 401;
        const actual = response.status === 401 || response.status === 403 ? response.status : 'in';
        if (actual !== expected)
          outcomes.push(
            `${route.method.toUpperCase()} ${route.path} as ${caller}: ${response.status}, expected ${expected}`,
          );
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('tells probes whether the service is ready, and only a key holder why', async () => {
    await whenReady(subject.http);
    const bare = await request(subject.http).get('/health/ready').expect(200);
    expect(bare.body).toEqual({ status: 'ok' });
    const detailed = await request(subject.http)
      .get('/health/ready')
      .set('Authorization', bearer(KEYS.reader))
      .expect(200);
    expect(detailed.body).toMatchObject({ status: 'ok', details: { projections: { status: 'up' } } });
    await request(subject.http).get('/health').expect(200);
  });
});
