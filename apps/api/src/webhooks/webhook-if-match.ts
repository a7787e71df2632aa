import type { Revisions } from '../treaties/application/write-request';
import { ApiProblem } from '../problems/api-problem';
import { revisionChangedSince } from '../treaties/if-match';
import type { WebhookSubscription } from './webhook-subscription';

/** A write's If-Match, as the treaty routes parse it: the revisions its tags name, or `*`; undefined without one. */
export type IfMatch = Revisions | '*' | undefined;

/**
 * `412 REVISION_MISMATCH` unless a write's If-Match holds for the subscription (decision 0091): `*` holds for any
 * subscription there is, a list of tags when the revision of the owner's last change is one of those it names (RFC
 * 9110 §13.1.1, parsed as the treaty routes parse it, decisions 0044 and 0091). No If-Match: nothing to hold.
 */
export function refuseStaleIfMatch(subscription: WebhookSubscription, ifMatch: IfMatch): void {
  if (ifMatch === undefined || ifMatch === '*' || ifMatch.includes(subscription.revision)) return;
  // As for a treaty (decision 0091): the latest listed revision it has moved past, else the latest listed.
  const named = revisionChangedSince(ifMatch, subscription.revision);
  throw new ApiProblem(
    412,
    'REVISION_MISMATCH',
    `Webhook subscription ${subscription.id} has changed since revision ${named}: read it again (its ETag) and decide`,
    { currentRevision: subscription.revision.toString() },
  );
}
