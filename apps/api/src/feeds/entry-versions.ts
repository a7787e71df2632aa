import type { JsonView } from '@timeline/projections';
import type { DevelopmentRecord } from './development-records';

/**
 * One version of an Atom entry: the entry as the event at `position` in the log left it (its recording, a
 * corroboration, a correction, a retraction). Versions in log order are what a feed's archives are cut from: a
 * change appends a version and never moves one (decision 0053).
 */
export interface EntryVersion {
  readonly position: bigint;
  /** The Atom entry's id: `urn:uuid:` and the development's id, or a retraction's event id. */
  readonly entryId: string;
  readonly treatyId: string;
  readonly developmentId: string;
  /** The entry's latest version: the record as it stands renders it, with no fold of the past. */
  readonly latest: boolean;
}

/** What a development's versions are cut from: where the log holds each change of its record. */
export type VersionedRecord = Pick<
  DevelopmentRecord,
  'treatyId' | 'developmentId' | 'position' | 'sources' | 'corrections' | 'retraction'
>;

/**
 * Every version of the entries of one development: one for its recording and for each corroboration, correction
 * and retraction; a retraction's own entry has one version, at the retraction.
 */
export function entryVersionsOf(record: VersionedRecord): EntryVersion[] {
  const entryId = `urn:uuid:${record.developmentId}`;
  const positions = [
    record.position,
    ...record.sources.filter((source) => source.kind === 'corroboration').map((source) => source.position),
    ...record.corrections.map((correction) => correction.position),
    ...(record.retraction ? [record.retraction.position] : []),
  ].map((position) => BigInt(position));
  const distinct = [...new Set(positions)].sort(byNumber);
  const versions = distinct.map((position, index) => ({
    position,
    entryId,
    treatyId: record.treatyId,
    developmentId: record.developmentId,
    latest: index === distinct.length - 1,
  }));
  if (!record.retraction) return versions;
  return versions.concat({
    position: BigInt(record.retraction.position),
    entryId: `urn:uuid:${record.retraction.eventId}`,
    treatyId: record.treatyId,
    developmentId: record.developmentId,
    latest: true,
  });
}

/** Every version of the entries of a treaty's developments, read from its timeline view, in the timeline's order. */
export function entryVersionsIn(treatyId: string, timeline: JsonView): EntryVersion[] {
  const items = (timeline.items as Omit<VersionedRecord, 'treatyId'>[] | undefined) ?? [];
  return items.flatMap(({ developmentId, position, sources, corrections, retraction }) =>
    entryVersionsOf({ treatyId, developmentId, position, sources, corrections, retraction }),
  );
}

/** Log order; at one position (a retraction and its entry) by entry id, so that the order never changes. */
export function inLogOrder(a: EntryVersion, b: EntryVersion): number {
  return a.position !== b.position
    ? byNumber(a.position, b.position)
    : a.entryId < b.entryId
      ? -1
      : a.entryId > b.entryId
        ? 1
        : 0;
}

function byNumber(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
