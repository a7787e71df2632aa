import { latestDateOnEarth } from '@timeline/treaty';
import { turnIsAfter } from '../day-turns/date-came';
import type { WebhookEvent, WebhookEventType, WebhookFilter } from './webhook.events';

export interface WebhookSubscription {
  readonly id: string;
  readonly owner: string;
  /** The URL as the log keeps it: whole for a subscription registered before decision 0097, else its origin only. */
  readonly url: string;
  /** The URL whole, sealed (decision 0097): `WebhookSecrets.targetOf` opens it. */
  readonly sealedUrl?: string;
  readonly filter: WebhookFilter;
  readonly subscribedAt: string;
  /** The secret generation deliveries are signed with, and the older one still accepted until `until`. */
  readonly secret: { readonly generation: number; readonly previous?: { generation: number; until: string } };
  /** The log position of the last treaty event acknowledged: deliveries resume after it (-1: from the start). */
  readonly checkpoint: bigint;
  /** The last day's change of a treaty's status acknowledged (decision 0039): by day, then treaty id. */
  readonly dayCheckpoint: { readonly day: string; readonly treatyId: string };
  readonly paused: { readonly deliveryId: string; readonly reason: string; readonly since: string } | null;
  /** Failed attempts of the delivery at the head since it was last delivered or resumed. */
  readonly failures: number;
  readonly lease: { readonly holder: string; readonly until: number } | null;
  readonly deleted: boolean;
  /**
   * The stream revision of the last change its owner sees (decision 0091): what its ETag names and If-Match is
   * compared with. The dispatcher's own events (deliveries, failed attempts, leases) leave it as it is.
   */
  readonly revision: bigint;
}

/**
 * The events that change what the owner decides on: the url and filter (registration), the secret, paused or active,
 * deleted. The others record the dispatcher's progress, one or more per delivery: an ETag that moved with them would
 * make every If-Match of the owner's stale within seconds of a read.
 */
const OWNER_VISIBLE: ReadonlySet<WebhookEventType> = new Set<WebhookEventType>([
  'WebhookSubscribed',
  'WebhookSubscribedSealed',
  'WebhookSecretRotated',
  'WebhookPaused',
  'WebhookResumed',
  'WebhookUnsubscribed',
]);

const changesOwnerView = (type: WebhookEventType): boolean => OWNER_VISIBLE.has(type);

/**
 * The state of a subscription after one more of its events, stored at `revision` of its stream: a pure fold,
 * replayed by every replica alike.
 */
export function evolveSubscription(
  state: WebhookSubscription | undefined,
  event: WebhookEvent,
  revision: bigint,
): WebhookSubscription | undefined {
  const next = evolveState(state, event);
  return next && changesOwnerView(event.type) ? { ...next, revision } : next;
}

function evolveState(state: WebhookSubscription | undefined, event: WebhookEvent): WebhookSubscription | undefined {
  if (event.type === 'WebhookSubscribed' || event.type === 'WebhookSubscribedSealed') {
    const { data } = event;
    return {
      id: data.subscriptionId,
      owner: data.owner,
      ...(event.type === 'WebhookSubscribedSealed'
        ? { url: event.data.urlRedacted, sealedUrl: event.data.sealedUrl }
        : { url: event.data.url, ...(event.data.sealedUrl !== undefined ? { sealedUrl: event.data.sealedUrl } : {}) }),
      filter: data.filter,
      subscribedAt: data.subscribedAt,
      secret: { generation: 1 },
      checkpoint: BigInt(data.startAfter),
      dayCheckpoint: { day: data.startAfterDay ?? latestDateOnEarth(new Date(data.subscribedAt)), treatyId: '' },
      paused: null,
      failures: 0,
      lease: null,
      deleted: false,
      revision: -1n,
    };
  }
  if (!state) return state;
  switch (event.type) {
    case 'WebhookSecretRotated':
      return {
        ...state,
        secret: {
          generation: event.data.generation,
          previous: { generation: state.secret.generation, until: event.data.previousValidUntil },
        },
      };
    case 'WebhookLeaseAcquired':
      return { ...state, lease: { holder: event.data.holder, until: Date.parse(event.data.until) } };
    case 'WebhookLeaseReleased':
      return state.lease?.holder === event.data.holder ? { ...state, lease: null } : state;
    case 'WebhookDelivered': {
      const position = BigInt(event.data.position);
      return {
        ...state,
        checkpoint: position > state.checkpoint ? position : state.checkpoint,
        failures: 0,
        lease: leaseAfterAttempt(state.lease, event.data.holder, event.data.leaseUntil, event.data.deliveredAt),
      };
    }
    case 'WebhookDateCameDelivered': {
      const delivered = { day: event.data.day, treatyId: event.data.treatyId };
      return {
        ...state,
        dayCheckpoint: turnIsAfter(delivered, state.dayCheckpoint) ? delivered : state.dayCheckpoint,
        failures: 0,
        lease: leaseAfterAttempt(state.lease, event.data.holder, event.data.leaseUntil, event.data.deliveredAt),
      };
    }
    case 'WebhookDeliveryAttemptFailed':
      return {
        ...state,
        failures: state.failures + 1,
        lease: leaseAfterAttempt(state.lease, event.data.holder, event.data.leaseUntil, event.data.failedAt),
      };
    case 'WebhookPaused':
      return {
        ...state,
        paused: { deliveryId: event.data.deliveryId, reason: event.data.reason, since: event.data.pausedAt },
        lease: null,
      };
    case 'WebhookResumed':
      return { ...state, paused: null, failures: 0 };
    case 'WebhookUnsubscribed':
      return { ...state, deleted: true, lease: null };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * The lease after an attempt's outcome is recorded: the attempt renews its holder's lease, unless another holder's
 * lease was live when the attempt ended. A replica that stalled past its lease, and hears back after another took
 * the subscription over, records the delivery without taking the lease back, so the two do not go on delivering
 * side by side. Decided from the events alone (the attempt's own end time), the same on every replica.
 */
function leaseAfterAttempt(
  lease: WebhookSubscription['lease'],
  holder: string,
  leaseUntil: string,
  endedAt: string,
): WebhookSubscription['lease'] {
  if (lease && lease.holder !== holder && lease.until > Date.parse(endedAt)) return lease;
  return { holder, until: Date.parse(leaseUntil) };
}
