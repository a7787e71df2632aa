import { isIP } from 'node:net';

export const TRUSTED_PROXIES_MESSAGE =
  'TIMELINE_TRUSTED_PROXIES must be a comma-separated list of IP addresses, networks (10.0.0.0/8, fd00::/8) or the names loopback, linklocal, uniquelocal';

/** Express's names for the loopback, link-local and private ranges (IPv4 and IPv6). */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * The proxies whose forwarded headers are believed (`X-Forwarded-For`, `-Proto`, `-Host`): the list, split, or
 * the entries that are neither an address, nor a network with a prefix length its address allows, nor a named
 * range. Nothing is trusted by default: a client that reaches the service directly could otherwise claim any
 * address (and escape its rate limit) or make the feeds link to a host of its choosing.
 */
export function parseTrustedProxies(list: string): { proxies: string[]; problems: string[] } {
  const proxies = list.split(',').map((entry) => entry.trim());
  const problems = proxies
    .filter((entry) => !isTrustedProxyEntry(entry))
    .map((entry) => `TIMELINE_TRUSTED_PROXIES: "${entry}" is not an IP address, a network or a named range`);
  return { proxies, problems };
}

function isTrustedProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
