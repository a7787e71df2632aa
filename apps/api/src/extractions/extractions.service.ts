import { Inject, Injectable } from '@nestjs/common';
import { namedParties, titleSearchWords, treatiesNamedByTitle, type ExtractionResult } from '@timeline/extraction';
import { isInFuture, TreatyRuleViolation, type TreatyKind } from '@timeline/treaty';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { ReadModels } from '../read-models/read-models.service';
import { developmentsOnRecord } from './developments-on-record';
import { ExtractionThread } from './extraction-thread';
import type { KnownTreatyText } from './extraction.worker';
import type { ExtractionRequestDto } from './dto/extraction.request.dto';

const PAGE = 500;
/** Treaties found by a search of their titles, looked at more closely (`treatiesNamedByTitle`): the best matched. */
const TITLE_SEARCH_LIMIT = 100;

interface StatusRow {
  id: string;
  title: string;
  parties: string[];
  kind: TreatyKind | null;
}
/**
 * Reads an article against the registered treaties and the developments on record (the current read model,
 * retracted developments left out), and answers proposals. Writes nothing: the editor confirms a proposal by
 * posting it through the normal route.
 */
@Injectable()
export class Extractions {
  constructor(
    private readonly readModels: ReadModels,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly thread: ExtractionThread,
  ) {}

  async extract(request: ExtractionRequestDto): Promise<ExtractionResult> {
    // An article not yet published proposes dates read from a day to come, and every one would then be refused as
    // DATE_IN_FUTURE: say so once, for the date the editor typed.
    const today = latestDateOnEarth(this.clock());
    if (isInFuture(request.publishedOn, today)) {
      throw new TreatyRuleViolation(
        'DATE_IN_FUTURE',
        `publishedOn ${request.publishedOn} is in the future (today is ${today})`,
        'publishedOn',
      );
    }
    return this.thread.extract(
      {
        text: request.text,
        publishedOn: request.publishedOn,
        ...(request.publisher !== undefined ? { publisher: request.publisher } : {}),
        ...(request.url !== undefined ? { url: request.url } : {}),
        ...(request.document !== undefined ? { document: request.document } : {}),
      },
      this.knownTreaties(request.text),
    );
  }

  /**
   * The treaties a proposal can match: those of the parties the text names, and those a state may join whose title
   * it names (a state acceding to a convention names none of its parties). A call reads the rows of those parties
   * and of the few titles a search for the words around the article's treaty nouns finds, not the registry.
   */
  private knownTreaties(text: string): KnownTreatyText[] {
    const treaties = new Map<string, KnownTreatyText>();
    for (const party of namedParties(text)) {
      for (const treaty of this.treatiesOf(party)) treaties.set(treaty.id, treaty);
    }
    const searched = this.readModels.treaties.openToJoiningWith(titleSearchWords(text), TITLE_SEARCH_LIMIT);
    for (const { id } of treatiesNamedByTitle(text, searched)) {
      if (treaties.has(id)) continue;
      const status = this.readModels.treaties.status(id) as StatusRow | undefined;
      if (status) treaties.set(id, this.withDevelopments(status));
    }
    return [...treaties.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  private treatiesOf(party: string): KnownTreatyText[] {
    const treaties: KnownTreatyText[] = [];
    for (let after: string | undefined; ;) {
      const page = this.readModels.treaties.list({ party, limit: PAGE, ...(after !== undefined ? { after } : {}) });
      for (const status of page.items as unknown as StatusRow[]) treaties.push(this.withDevelopments(status));
      if (page.nextCursor === null) return treaties;
      after = page.nextCursor;
    }
  }

  /** The treaty and, as JSON text for the thread to parse, its developments on record. */
  private withDevelopments(status: StatusRow): KnownTreatyText {
    const timeline = this.readModels.treaties.timelineText(status.id);
    return {
      id: status.id,
      title: status.title,
      parties: status.parties,
      ...(status.kind !== null ? { kind: status.kind } : {}),
      developments: timeline === undefined ? '[]' : developmentsOnRecord(timeline),
    };
  }
}
