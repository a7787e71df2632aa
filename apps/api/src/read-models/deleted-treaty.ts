import type { TreatyStatusQueries } from '@timeline/projections';
import { ApiProblem } from '../problems/api-problem';

/**
 * Refuses a read of a treaty whose stream the store's operator deleted for good (an EventStoreDB tombstone): it is
 * gone, not unknown, so its reads answer 410 STREAM_DELETED as its writes do, and `position` says where the log
 * records the deletion. The embedded store never deletes: there, this never refuses.
 */
export function refuseIfDeleted(treaties: TreatyStatusQueries, treatyId: string): void {
  const position = treaties.deletedAt(treatyId);
  if (position === undefined) return;
  throw new ApiProblem(
    410,
    'STREAM_DELETED',
    `Treaty "${treatyId}" was deleted from the event store for good by its operator (this service never deletes): ` +
      'its record can no longer be read or written',
    { position: position.toString() },
  );
}
