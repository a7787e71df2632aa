import { Injectable } from '@nestjs/common';
import type { JsonView } from '@timeline/projections';
import { ApiProblem } from '../problems/api-problem';
import { refuseIfDeleted } from '../read-models/deleted-treaty';
import { ReadModels } from '../read-models/read-models.service';
import { developmentRecords, summaryOf, type DevelopmentRecord, type TreatySummary } from './development-records';

const PAGE = 500;

/** The read model's treaties and their developments, for feeds, calendars and downloads. */
@Injectable()
export class DevelopmentReads {
  constructor(private readonly readModels: ReadModels) {}

  /** Every treaty's status view (optionally only a party's), in id order, page by page from the read model. */
  *statuses(party?: string): Generator<JsonView> {
    let after: string | undefined;
    for (;;) {
      const page = this.readModels.treaties.list({
        limit: PAGE,
        ...(party !== undefined ? { party } : {}),
        ...(after !== undefined ? { after } : {}),
      });
      yield* page.items;
      if (page.nextCursor === null) return;
      after = page.nextCursor;
    }
  }

  treaty(treatyId: string): { summary: TreatySummary; status: JsonView; records: DevelopmentRecord[] } {
    refuseIfDeleted(this.readModels.treaties, treatyId);
    const status = this.readModels.treaties.status(treatyId);
    const timeline = this.readModels.treaties.timeline(treatyId);
    if (!status || !timeline) throw new ApiProblem(404, 'TREATY_NOT_FOUND', `No treaty has the id "${treatyId}"`);
    const summary = summaryOf(status);
    return { summary, status, records: developmentRecords(summary, timeline) };
  }

  /** The developments of every treaty (a party's, when given), treaty by treaty. */
  *records(party?: string): Generator<DevelopmentRecord> {
    for (const status of this.statuses(party)) {
      const timeline = this.readModels.treaties.timeline(String(status.id));
      if (timeline) yield* developmentRecords(summaryOf(status), timeline);
    }
  }
}
