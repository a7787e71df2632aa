import { noticeRevokedBy, type Development } from '@timeline/treaty';
import type { DevelopmentRecord } from '../feeds/development-records';

/**
 * The notices of withdrawal among `records` revoked before they took effect (VCLT art. 68), by developmentId, with the
 * day of their revocation: the domain's own reading (`noticeRevokedBy`), over each treaty's records on record.
 */
export function revokedNotices(records: Iterable<DevelopmentRecord>): Map<string, string> {
  const byTreaty = new Map<string, { record: DevelopmentRecord; current: Development }[]>();
  for (const record of records) {
    if (record.retraction !== null) continue;
    // A record carries its development's fields (type, date, party, ...) as the timeline states them.
    const onRecord = { record, current: record as unknown as Development };
    byTreaty.set(record.treatyId, [...(byTreaty.get(record.treatyId) ?? []), onRecord]);
  }
  const revoked = new Map<string, string>();
  for (const onRecord of byTreaty.values()) {
    for (const { record } of onRecord) {
      if (record.type !== 'withdrawal-revoked' || record.party === undefined) continue;
      for (const notice of noticeRevokedBy({ party: record.party, occurredOn: record.occurredOn }, onRecord)) {
        revoked.set(notice.record.developmentId, record.occurredOn);
      }
    }
  }
  return revoked;
}
