import { describe, expect, it } from '@jest/globals';
import { isPublicAddress, refuseTarget, type Resolver } from './target-address';

const resolvingTo =
  (...addresses: string[]): Resolver =>
  async () =>
    addresses;
const strict = { allowPrivate: false };

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1234',
    'fc00::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '64:ff9b::7f00:1',
    // IPv4-compatible (what `new URL('https://[::127.0.0.1]/')` makes of it), translated, 6to4, Teredo
    '::7f00:1',
    '::127.0.0.1',
    '::a9fe:a9fe',
    '::ffff:0:7f00:1',
    '2002:7f00:1::',
    '2002:a9fe:a9fe::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
    'not-an-address',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.32.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '2002:808:808::1',
  ])('accepts %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('refuseTarget', () => {
  it.each(['https://[::127.0.0.1]/', 'https://[::ffff:0:127.0.0.1]/', 'https://[2002:a9fe:a9fe::]/'])(
    'refuses %s, an IPv6 literal that embeds a private IPv4 address',
    async (url) => {
      expect(await refuseTarget(url, strict, resolvingTo())).toMatchObject({ code: 'WEBHOOK_TARGET_FORBIDDEN' });
    },
  );

  it('accepts an https URL whose every address is public', async () => {
    expect(await refuseTarget('https://hooks.example/x', strict, resolvingTo('93.184.216.34'))).toBeUndefined();
  });

  it('refuses a name with any private, loopback or link-local address among its answers', async () => {
    for (const answers of [['93.184.216.34', '10.0.0.7'], ['169.254.169.254'], ['::1'], ['fe80::1%eth0'], []]) {
      const refusal = await refuseTarget('https://hooks.example/x', strict, resolvingTo(...answers));
      expect(refusal?.code).toBe('WEBHOOK_TARGET_FORBIDDEN');
    }
  });

  it('refuses address literals without resolving them', async () => {
    const never: Resolver = () => Promise.reject(new Error('must not resolve'));
    for (const url of ['https://127.0.0.1/', 'https://[::1]:8443/', 'https://0x7f.1/', 'https://[::ffff:10.0.0.1]/']) {
      expect((await refuseTarget(url, strict, never))?.code).toBe('WEBHOOK_TARGET_FORBIDDEN');
    }
  });

  it('refuses http, other schemes, credentials and garbage; allows http and private targets only when configured', async () => {
    const resolve = resolvingTo('93.184.216.34');
    for (const url of [
      'http://hooks.example/',
      'ftp://hooks.example/',
      'https://u:p@hooks.example/',
      'hooks.example',
    ]) {
      expect((await refuseTarget(url, strict, resolve))?.code).toBe('WEBHOOK_URL_INVALID');
    }
    expect(await refuseTarget('http://127.0.0.1:9/', { allowPrivate: true }, resolve)).toBeUndefined();
  });

  it('refuses a name that does not resolve', async () => {
    const failing: Resolver = () => Promise.reject(new Error('ENOTFOUND'));
    expect((await refuseTarget('https://nowhere.example/', strict, failing))?.code).toBe('WEBHOOK_TARGET_UNRESOLVABLE');
  });
});
