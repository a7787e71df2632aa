import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { loadSigningKey } from '../audit/signing-key';
import { openUrl, sealUrl } from './sealed-url';
import { deriveSecret } from './standard-webhooks';
import type { WebhookSubscription } from './webhook-subscription';

/**
 * Webhook secrets, derived from the service's signing key (TIMELINE_SIGNING_KEY_FILE, or the generated one on the
 * embedded store) so that no secret is ever written to the log, and every replica sharing the key signs alike.
 */
@Injectable()
export class WebhookSecrets {
  private readonly masterKey: Buffer | undefined;
  readonly unavailableReason: string | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const key = loadSigningKey(config);
    if (key.kind === 'ready') {
      this.masterKey = key.privateKey.export({ type: 'pkcs8', format: 'der' });
    } else {
      this.unavailableReason = key.reason;
    }
  }

  get available(): boolean {
    return this.masterKey !== undefined;
  }

  secret(subscriptionId: string, generation: number): string {
    if (!this.masterKey) throw new Error(this.unavailableReason);
    return deriveSecret(this.masterKey, subscriptionId, generation);
  }

  /** The URL of a new subscription as the log is to keep it whole: sealed, readable only with the signing key. */
  sealUrl(subscriptionId: string, url: string): string {
    if (!this.masterKey) throw new Error(this.unavailableReason);
    return sealUrl(this.masterKey, subscriptionId, url);
  }

  /**
   * The URL deliveries go to, whole: opened from `sealedUrl`, or as the log keeps it for a subscription registered
   * before decision 0097. Throws when it cannot be opened (sealed under another signing key than this service's).
   */
  targetOf(subscription: Pick<WebhookSubscription, 'id' | 'url' | 'sealedUrl'>): string {
    if (subscription.sealedUrl === undefined) return subscription.url;
    if (!this.masterKey) throw new Error(this.unavailableReason);
    return openUrl(this.masterKey, subscription.id, subscription.sealedUrl);
  }

  /** What a delivery is signed with: the current secret, and during a rotation's overlap the previous one too. */
  signingSecrets(subscription: WebhookSubscription, now: number): string[] {
    const { generation, previous } = subscription.secret;
    const secrets = [this.secret(subscription.id, generation)];
    if (previous && Date.parse(previous.until) > now) secrets.push(this.secret(subscription.id, previous.generation));
    return secrets;
  }
}
