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

/** Whether an address is on the public internet. IPv4 embedded in IPv6 (mapped, NAT64) is judged as IPv4. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const embedded = embeddedIpv4(address);
  if (embedded !== undefined) return isPublicAddress(embedded);
  return !NOT_PUBLIC.check(address, 'ipv6');
}

function embeddedIpv4(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::|::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (match) return match[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return undefined;
  const high = parseInt(hex[1]!, 16);
  const low = parseInt(hex[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
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
