import { createHash } from 'node:crypto';

/**
 * Bumped whenever a download's rows are rendered differently for the same read model (a column added, a cell
 * written otherwise), so that a client holding a download of the previous rendering is not told it is current.
 */
// 2: CSV text defused against formulas, UTF-8 byte order mark (decision 0037); the dates expected ahead (0035).
// 3: developments.csv gives treaty law's and diplomacy's fields (consentType ... partiesNamed).
// 4: developments.csv names the reports each row disagrees with (openDisagreements).
export const DOWNLOAD_FORMAT = 4;

/** What one download's bytes depend on, besides the code that writes them. */
export interface DownloadMoment {
  /** The last event the read-model snapshot holds; undefined before the projection applied any. */
  readonly position: bigint | undefined;
  /** The projection version that rendered the snapshot's views (a rebuild after an upgrade changes them). */
  readonly version: number | undefined;
  /** The present's day, which the statuses read the dates the record sets ahead against (decision 0035). */
  readonly today: string;
}

/**
 * A download's ETag: weak, since it names what the rows say, not their bytes. It moves with every event the read
 * model applies (a correction or a retraction included), with the rendering of the views and of the rows, and with
 * the day (a status changes on the day a date the record sets ahead comes, with no event), and
 * `variant` names anything else the body depends on: the file, its header, the address absolute links are made of.
 */
export function downloadEtag(moment: DownloadMoment, variant: string): string {
  const rendering = createHash('sha256').update(`${DOWNLOAD_FORMAT}\n${variant}`).digest('base64url').slice(0, 16);
  return `W/"${moment.version ?? 0}-${moment.position ?? 'empty'}-${moment.today}-${rendering}"`;
}
