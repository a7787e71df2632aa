import { describe, expect, it } from '@jest/globals';
import { clientNetworkOf } from './client-network';

describe('clientNetworkOf', () => {
  it('counts an IPv4 address as itself, mapped into IPv6 or not', () => {
    expect(clientNetworkOf('203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetworkOf('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(clientNetworkOf('::FFFF:203.0.113.9')).toBe('203.0.113.9');
  });

  it('counts every IPv6 address of one /64 as that /64, however it is written', () => {
    const network = '2001:db8:0:1::/64';
    for (const address of [
      '2001:db8:0:1::1',
      '2001:0db8:0000:0001:ffff:ffff:ffff:fffe',
      '2001:DB8::1:0:0:0:7',
      '2001:db8:0:1:a:b:192.0.2.1',
      '2001:db8:0:1::9%eth0',
    ]) {
      expect(clientNetworkOf(address)).toBe(network);
    }
    expect(clientNetworkOf('2001:db8:0:2::1')).toBe('2001:db8:0:2::/64');
    expect(clientNetworkOf('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(clientNetworkOf('::1')).toBe('0:0:0:0::/64');
  });

  it('names a request whose address is unknown', () => {
    expect(clientNetworkOf(undefined)).toBe('unknown');
  });
});
