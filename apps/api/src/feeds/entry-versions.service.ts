import { Injectable } from '@nestjs/common';
import { ReadModels } from '../read-models/read-models.service';
import { entriesOf, type AtomEntry } from './atom-feed';
import { developmentRecords, type DevelopmentRecord } from './development-records';
import type { EntryVersion } from './entry-versions';

/**
 * Renders entry versions: a latest one from the record as it stands, an earlier one from its treaty's timeline as the
 * event at its position left it (folded from the read model's copy of the treaty's events, once per treaty and
 * document), so that an archive says what it said when it was complete whatever is corrected since (decision 0053).
 */
@Injectable()
export class EntryVersions {
  constructor(private readonly readModels: ReadModels) {}

  /** The versions' entries, in their order; `records`: the feed's current records by development id. */
  entries(
    versions: readonly EntryVersion[],
    records: ReadonlyMap<string, DevelopmentRecord>,
    baseUrl: string,
  ): AtomEntry[] {
    const past = new Map<string, bigint[]>();
    for (const version of versions) {
      if (version.latest) continue;
      const positions = past.get(version.treatyId);
      if (positions) positions.push(version.position);
      else past.set(version.treatyId, [version.position]);
    }
    const timelines = new Map(
      [...past].map(([treatyId, positions]) => [treatyId, this.readModels.treaties.timelinesAt(treatyId, positions)]),
    );
    return versions.map((version) => {
      const current = records.get(version.developmentId);
      if (current === undefined) throw new Error(`No record of development ${version.developmentId}`);
      const timeline = version.latest ? undefined : timelines.get(version.treatyId)?.get(version.position);
      const record = version.latest
        ? current
        : timeline &&
          developmentRecords(
            { id: current.treatyId, title: current.treatyTitle, parties: current.treatyParties },
            timeline,
          ).find((then) => then.developmentId === version.developmentId);
      const entry = record && entriesOf(record, baseUrl).find((candidate) => candidate.id === version.entryId);
      if (entry === undefined) throw new Error(`No entry ${version.entryId} at position ${version.position}`);
      return entry;
    });
  }
}
