import { afterEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DEFAULT_LIMITS } from '../../apps/api/src/config/app-config';
import { parseValidAtom } from '../support/atom-checks';
import { startTestApp, type TestApp } from '../support/test-app';

/** What a TLS-terminating proxy in front of the service adds to a client's request. */
const FORWARDED = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'timeline.example', Host: 'api-1:3000' };

const feedId = async (subject: TestApp) =>
  parseValidAtom((await request(subject.http).get('/feeds/developments.atom').set(FORWARDED).expect(200)).text).id;

describe('forwarded headers (TIMELINE_TRUSTED_PROXIES)', () => {
  let subject: TestApp | undefined;
  afterEach(async () => {
    await subject?.close();
    subject = undefined;
  });

  it('are ignored by default: links name the address the request reached, and one client cannot pose as many', async () => {
    subject = await startTestApp({ limits: { ...DEFAULT_LIMITS, ratePerMinute: 2 } });
    expect(await feedId(subject)).toBe('http://api-1:3000/feeds/developments.atom');
    await request(subject.http).get('/treaties').set('X-Forwarded-For', '203.0.113.1').expect(200);
    await request(subject.http).get('/treaties').set('X-Forwarded-For', '203.0.113.2').expect(429);
  });

  it('from a trusted proxy, give links the scheme and host the client used, and each client its own limit', async () => {
    subject = await startTestApp({ trustedProxies: ['loopback'], limits: { ...DEFAULT_LIMITS, ratePerMinute: 2 } });
    expect(await feedId(subject)).toBe('https://timeline.example/feeds/developments.atom');
    const asyncApi = await request(subject.http).get('/asyncapi.json').set(FORWARDED).expect(200);
    expect(asyncApi.body.servers.api).toMatchObject({ host: 'timeline.example', protocol: 'https' });
    // The feed above was one request of the proxy's own address; each forwarded client is counted apart.
    for (const client of ['203.0.113.1', '203.0.113.2']) {
      await request(subject.http).get('/treaties').set('X-Forwarded-For', client).expect(200);
      await request(subject.http).get('/treaties').set('X-Forwarded-For', client).expect(200);
      await request(subject.http).get('/treaties').set('X-Forwarded-For', client).expect(429);
    }
  });

  it('with TIMELINE_PUBLIC_URL, give every link that address, whatever Host or forwarded host a request sends', async () => {
    subject = await startTestApp({ trustedProxies: ['loopback'], publicUrl: 'https://example.org/timeline' });
    const spoofed = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' };
    const feed = await request(subject.http).get('/feeds/developments.atom').set(spoofed).expect(200);
    expect(parseValidAtom(feed.text).id).toBe('https://example.org/timeline/feeds/developments.atom');
    const downloads = await request(subject.http).get('/exports/treaties.jsonld').set(spoofed).expect(200);
    const asyncApi = await request(subject.http).get('/asyncapi.json').set(spoofed).expect(200);
    expect(asyncApi.body.servers.api).toMatchObject({ host: 'example.org', protocol: 'https', pathname: '/timeline' });
    for (const body of [feed.text, downloads.text, JSON.stringify(asyncApi.body)]) expect(body).not.toContain('evil');
  });

  it('counts the IPv6 clients of one /64 as one: a client cannot take a fresh address per request', async () => {
    subject = await startTestApp({ trustedProxies: ['loopback'], limits: { ...DEFAULT_LIMITS, ratePerMinute: 2 } });
    const list = (client: string) => request(subject!.http).get('/treaties').set('X-Forwarded-For', client);
    await list('2001:db8:0:1::1').expect(200);
    await list('2001:db8:0:1::2').expect(200);
    await list('2001:db8:0:1:ffff::3').expect(429);
    await list('2001:db8:0:2::1').expect(200);
  });
});
