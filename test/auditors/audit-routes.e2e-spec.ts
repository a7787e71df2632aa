import { generateKeyPairSync, createPublicKey } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { checkpointIsAuthentic, type SignedCheckpoint } from '@timeline/audit';
import { EVENT_STORE, type EventStore } from '@timeline/event-store';
import { collect } from '@timeline/event-store/testing';
import { KEYS, bearer } from '../support/api-keys';
import { asAuditor, exportLog } from '../support/audit-helpers';
import { startTestApp, type TestApp } from '../support/test-app';
import { RU_IR, dumaApproval, post } from '../support/treaty-requests';

describe('the audit routes', () => {
  let subject: TestApp;
  beforeAll(async () => {
    subject = await startTestApp({ loadDemoData: true });
  });
  afterAll(() => subject.close());

  it.each([
    ['GET', '/audit/public-key'],
    ['GET', '/audit/checkpoint'],
    ['GET', '/audit/log'],
    ['GET', '/audit/verify'],
    ['GET', `/audit/treaties/${RU_IR.id}/verify`],
    ['POST', '/audit/projections/rebuild?dryRun=true'],
  ])('%s %s: 401 without a key, 403 to readers and editors, 200 to auditors', async (method, path) => {
    const call = (key?: string) => {
      const pending = method === 'GET' ? request(subject.http).get(path) : request(subject.http).post(path);
      return key ? pending.set('Authorization', bearer(key)) : pending;
    };
    await call().expect(401);
    await call(KEYS.reader).expect(403);
    await call(KEYS.editor).expect(403);
    await call(KEYS.auditor).expect(200);
  });

  it('does not let an auditor append', async () => {
    await post(subject.http, `/treaties/${RU_IR.id}/developments`, dumaApproval(), KEYS.auditor).expect(403);
  });

  it('verifies an untouched store clean, whole and per treaty', async () => {
    const events = await collect(subject.app.get<EventStore>(EVENT_STORE).readAll());
    const all = await asAuditor(subject.http, '/audit/verify').expect(200);
    expect(all.body).toEqual({ ok: true, checked: events.length, failures: [] });
    const one = await asAuditor(subject.http, `/audit/treaties/${RU_IR.id}/verify`).expect(200);
    expect(one.body).toMatchObject({ ok: true, failures: [] });
    expect(one.body.checked).toBe(events.filter((event) => event.streamName === `treaty-${RU_IR.id}`).length);
  });

  it('signs checkpoints that the public key verifies and another key does not', async () => {
    const { body: key } = await asAuditor(subject.http, '/audit/public-key').expect(200);
    const { body: checkpoint } = await asAuditor(subject.http, '/audit/checkpoint').expect(200);
    const publicKey = createPublicKey(key.publicKey as string);
    expect(checkpointIsAuthentic(checkpoint as SignedCheckpoint, publicKey)).toBe(true);
    expect(checkpointIsAuthentic(checkpoint as SignedCheckpoint, generateKeyPairSync('ed25519').publicKey)).toBe(false);
    expect(checkpoint).toMatchObject({
      keyFingerprint: key.fingerprint,
      heads: expect.arrayContaining([expect.objectContaining({ stream: `treaty-${RU_IR.id}` })]),
    });
  });

  it('serves the raw log as NDJSON pages in global order, with every hash', async () => {
    const exported = (await exportLog(subject.http, 5))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    const events = await collect(subject.app.get<EventStore>(EVENT_STORE).readAll());
    expect(exported.map((line) => line.id)).toEqual(events.map((event) => event.id));
    expect(exported.every((line) => /^[0-9a-f]{64}$/.test(line.metadata.integrity.hash))).toBe(true);
    await asAuditor(subject.http, '/audit/log?limit=1001').expect(400);
  });

  it('rebuilds into a scratch read model on a dry run and finds no difference', async () => {
    const response = await request(subject.http)
      .post('/audit/projections/rebuild?dryRun=true')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(200);
    expect(response.body).toMatchObject({ dryRun: true, differences: [] });
    expect(response.body.events).toBeGreaterThan(0);
  });

  it('refuses to promote a rebuilt read model over HTTP, and leaves the live one in place', async () => {
    const response = await request(subject.http)
      .post('/audit/projections/rebuild?dryRun=false')
      .set('Authorization', bearer(KEYS.auditor))
      .expect(403);
    expect(response.body).toMatchObject({ code: 'REBUILD_PROMOTION_NOT_OVER_HTTP', status: 403 });
    expect(response.body.detail).toContain('npm run projections:rebuild');
    expect(existsSync(join(subject.config.dataDir, 'projections.current'))).toBe(false);
    expect(readdirSync(subject.config.dataDir).filter((file) => /^projections-.*\.db$/.test(file))).toEqual([]);
  });
});
