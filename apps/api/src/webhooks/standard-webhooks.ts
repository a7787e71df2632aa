import { createHmac } from 'node:crypto';

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): HMAC-SHA256 over `id.timestamp.body` with the
 * secret's bytes (base64 after `whsec_`), sent as `v1,<base64>`; several space-separated during a key rotation.
 */
export const SECRET_PREFIX = 'whsec_';

/**
 * A subscription's secret of a given generation, derived from the service's master key rather than stored: the
 * event log (which auditors export) never holds a secret, and every replica sharing the key signs alike.
 */
export function deriveSecret(masterKey: Buffer, subscriptionId: string, generation: number): string {
  const mac = createHmac('sha256', masterKey).update(`treaty-timeline/webhook-secret/${subscriptionId}/${generation}`);
  return SECRET_PREFIX + mac.digest('base64');
}

export function secretBytes(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error('A webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export function signature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', secretBytes(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8');
  return `v1,${mac.digest('base64')}`;
}

/** The three headers of one attempt, signed with every secret still valid (the new one first). */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((secret) => signature(secret, id, timestampSeconds, body)).join(' '),
  };
}
