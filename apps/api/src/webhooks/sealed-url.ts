import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/** What a sealed URL starts with: the scheme below, so that another can be told apart if one is ever needed. */
const SCHEME = 'aes-256-gcm.v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A webhook's URL as the log keeps it from decision 0097 on: encrypted (AES-256-GCM) with a key derived from the
 * service's signing key, as the webhook secrets are (decision 0009), and bound to its subscription's id, so that the
 * log and its exports (`/audit/log`, read whole by auditors and sealed by hashes that must recompute offline) hold no
 * receiver's token. Only a service holding the key opens it: the dispatcher, and the answers to the subscription's
 * owner. `base64url(iv ‖ ciphertext ‖ tag)` after the scheme.
 */
export function sealUrl(masterKey: Buffer, subscriptionId: string, url: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', urlKey(masterKey), iv);
  cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  const sealed = Buffer.concat([iv, cipher.update(url, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return SCHEME + sealed.toString('base64url');
}

/** The URL `sealUrl` sealed for this subscription; throws when it was sealed with another key, or for another one. */
export function openUrl(masterKey: Buffer, subscriptionId: string, sealed: string): string {
  if (!sealed.startsWith(SCHEME)) throw new Error('The webhook URL is sealed in a way this version does not know');
  const bytes = Buffer.from(sealed.slice(SCHEME.length), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('The sealed webhook URL is cut short');
  const decipher = createDecipheriv('aes-256-gcm', urlKey(masterKey), bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    return Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new Error(
      'The webhook URL cannot be opened: sealed with another signing key than this service holds, or altered since',
    );
  }
}

function urlKey(masterKey: Buffer): Buffer {
  return createHmac('sha256', masterKey).update('treaty-timeline/webhook-url/v1').digest();
}
