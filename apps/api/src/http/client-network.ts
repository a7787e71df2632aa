import { isIP } from 'node:net';

/**
 * What a request without a key counts against in per-address limits (requests, failed keys, live streams): its
 * IPv4 address, or its IPv6 address's /64. A /64 is what one subscriber, one host or one cloud instance is usually
 * given: counted by the whole address, a client holding one could take a fresh address for every request and pass
 * every limit. An IPv4 address mapped into IPv6 (`::ffff:192.0.2.1`, a dual-stack socket's view) counts as itself.
 */
export function clientNetworkOf(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const bare = address.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1];
  if (mapped !== undefined) return mapped;
  if (isIP(bare) !== 6) return bare;
  const groups = hextetsOf(bare);
  return `${groups.slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros ('::' expanded, a dotted tail converted). */
function hextetsOf(address: string): string[] {
  const withoutDotted = address.replace(/(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/, (_, a, b, c, d) =>
    [(Number(a) << 8) | Number(b), (Number(c) << 8) | Number(d)].map((group) => group.toString(16)).join(':'),
  );
  const [head = '', tail] = withoutDotted.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => parseInt(group, 16).toString(16));
}
