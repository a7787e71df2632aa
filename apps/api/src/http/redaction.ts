/**
 * Names of headers and query parameters that could carry a credential, whatever a client calls it:
 * `Authorization`, `Proxy-Authorization`, `X-API-Key`, `api_key`, `access_token`, `Cookie`, `X-Auth-Token`,
 * `client_secret`, `password`... A rule, not a list, so a key sent in a place nobody thought of is still not logged.
 */
const SECRET_NAME = /auth|key|token|secret|pass|pwd|cookie|session|credential|signature|bearer|jwt/i;

export const REDACTED = '[redacted]';

export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** The headers, with the value of every one whose name could carry a credential replaced. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, isSecretName(name) ? REDACTED : value]),
  );
}

/** A URL (path and query) with the value of every query parameter whose name could carry a credential replaced. */
export function redactUrl(url: string): string {
  const mark = url.indexOf('?');
  if (mark < 0) return url;
  const query = url
    .slice(mark + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const rawName = equals < 0 ? pair : pair.slice(0, equals);
      return isSecretName(decodeName(rawName)) && equals >= 0 ? `${rawName}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, mark)}?${query}`;
}

/** A parsed query object (Express's `req.query`) with the same rule applied, at any depth of its names. */
export function redactQuery(query: unknown): unknown {
  if (query === null || typeof query !== 'object') return query;
  if (Array.isArray(query)) return query.map(redactQuery);
  return Object.fromEntries(
    Object.entries(query).map(([name, value]) => [name, isSecretName(name) ? REDACTED : redactQuery(value)]),
  );
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replaceAll('+', ' '));
  } catch {
    return name;
  }
}
