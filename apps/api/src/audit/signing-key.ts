import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';

export const GENERATED_KEY_FILE = 'signing-key.pem';

export type SigningKey =
  | { readonly kind: 'ready'; readonly privateKey: KeyObject; readonly publicKey: KeyObject; readonly source: string }
  | { readonly kind: 'missing'; readonly reason: string };

/**
 * The key that signs checkpoints: from TIMELINE_SIGNING_KEY_FILE (shared by every replica), or, only on the
 * embedded store, generated once into the data directory (mode 0600). Replicas on EventStoreDB must share one
 * configured key, so none is generated there: checkpoints are then refused until one is configured.
 */
export function loadSigningKey(config: AppConfig): SigningKey {
  const file =
    config.signingKeyFile ?? (config.store.kind === 'embedded' ? join(config.dataDir, GENERATED_KEY_FILE) : undefined);
  if (!file) {
    return {
      kind: 'missing',
      reason: 'No TIMELINE_SIGNING_KEY_FILE: on EventStoreDB every replica must share one configured signing key',
    };
  }
  if (!existsSync(file)) {
    if (config.signingKeyFile) throw new Error(`TIMELINE_SIGNING_KEY_FILE names ${file}, which does not exist`);
    mkdirSync(config.dataDir, { recursive: true });
    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} holds a ${privateKey.asymmetricKeyType} key; checkpoints are signed with Ed25519`);
  }
  return { kind: 'ready', privateKey, publicKey: createPublicKey(privateKey), source: file };
}
