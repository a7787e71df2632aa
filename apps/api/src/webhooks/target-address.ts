import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Server-side request forgery: a webhook may only reach the public internet, unless the operator allows private
 * targets. Every address a name resolves to is checked (one private answer is enough to refuse), and the sender
 * connects only to addresses checked the same way at connection time, so a name that changes its answer after
 * registration (DNS rebinding) gains nothing.
 */
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether an address is on the public internet. IPv4 embedded in IPv6 is judged as that IPv4 address, in every form
 * that embeds one: mapped (`::ffff:0:0/96`), translated (`::ffff:0:0:0/96`), the deprecated IPv4-compatible form
 * (`::/96`, which URL parsing gives for `[::127.0.0.1]`), NAT64 (`64:ff9b::/96`) and 6to4 (`2002::/16`). Teredo
 * (`2001::/32`) hides its IPv4 addresses and is refused.
 */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const groups = ipv6Groups(address);
  if (groups === undefined) return false;
  const embedded = embeddedIpv4(groups);
  if (embedded !== undefined) return isPublicAddress(embedded);
  if (groups[0] === 0x2001 && groups[1] === 0) return false; // Teredo
  return !NOT_PUBLIC.check(address, 'ipv6');
}

function embeddedIpv4(groups: readonly number[]): string | undefined {
  const zeros = (from: number, to: number) => groups.slice(from, to).every((group) => group === 0);
  const quad = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');
  if (zeros(0, 5) && (groups[5] === 0 || groups[5] === 0xffff)) return quad(groups[6]!, groups[7]!); // compatible, mapped
  if (zeros(0, 4) && groups[4] === 0xffff && groups[5] === 0) return quad(groups[6]!, groups[7]!); // translated
  if (groups[0] === 0x64 && groups[1] === 0xff9b && zeros(2, 6)) return quad(groups[6]!, groups[7]!); // NAT64
  if (groups[0] === 0x2002) return quad(groups[1]!, groups[2]!); // 6to4
  return undefined;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 read as two groups). */
function ipv6Groups(address: string): number[] | undefined {
  let text = address.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail, ...more] = text.split('::');
  if (more.length > 0) return undefined;
  const parse = (part: string | undefined) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const start = parse(head);
  const end = parse(tail);
  const groups =
    tail === undefined ? start : [...start, ...Array<number>(8 - start.length - end.length).fill(0), ...end];
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : undefined;
}

export type TargetRefusal = { readonly code: string; readonly detail: string };

export interface TargetPolicy {
  /** Allows loopback and private addresses, and plain http (tests, internal deployments). */
  readonly allowPrivate: boolean;
}

export type Resolver = (hostname: string) => Promise<readonly string[]>;

export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((answer) => answer.address);

/** Checks a webhook URL: its scheme, then every address its host resolves to. Undefined when it may be used. */
export async function refuseTarget(
  url: string,
  policy: TargetPolicy,
  resolve: Resolver = systemResolver,
): Promise<TargetRefusal | undefined> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { code: 'WEBHOOK_URL_INVALID', detail: 'url must be an absolute https URL' };
  }
  const schemes = policy.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(parsed.protocol)) {
    return { code: 'WEBHOOK_URL_INVALID', detail: `url must use ${schemes.map((s) => s.slice(0, -1)).join(' or ')}` };
  }
  if (parsed.username || parsed.password) {
    return { code: 'WEBHOOK_URL_INVALID', detail: 'url must not carry credentials' };
  }
  if (policy.allowPrivate) return undefined;
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: readonly string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return { code: 'WEBHOOK_TARGET_UNRESOLVABLE', detail: `The host ${host} does not resolve` };
  }
  const refused = addresses.filter((address) => !isPublicAddress(address));
  if (addresses.length === 0 || refused.length > 0) {
    return {
      code: 'WEBHOOK_TARGET_FORBIDDEN',
      detail: `The host ${host} resolves to an address that is not public (${refused.join(', ') || 'none'}); private, loopback and link-local targets are refused`,
    };
  }
  return undefined;
}
