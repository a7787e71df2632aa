import { Inject, Injectable } from '@nestjs/common';
import { namedParties, type ExtractionResult, type KnownTreaty } from '@timeline/extraction';
import { isInFuture, TreatyRuleViolation, type Source, type Votes } from '@timeline/treaty';
import { CLOCK, latestDateOnEarth, type Clock } from '../clock';
import { ReadModels } from '../read-models/read-models.service';
import { ExtractionThread } from './extraction-thread';
import type { ExtractionRequestDto } from './dto/extraction.request.dto';

const PAGE = 500;

interface StatusRow {
  id: string;
  title: string;
  parties: string[];
}
interface TimelineItem {
  developmentId: string;
  type: string;
  party?: string;
  body?: string;
  stage?: string;
  consentType?: string;
  votes?: Votes;
  speaker?: string;
  quote?: string;
  occurredOn: string;
  retracted: boolean;
  sources: (Source & { reportedOccurredOn: string })[];
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
      this.knownTreaties(namedParties(request.text)),
    );
  }

  /**
   * The treaties of the parties the text names, the only ones a proposal can match, so that a call reads a few
   * rows of the read model whatever the registry's size.
   */
  private knownTreaties(parties: readonly string[]): KnownTreaty[] {
    const treaties = new Map<string, KnownTreaty>();
    for (const party of parties) {
      for (const treaty of this.treatiesOf(party)) treaties.set(treaty.id, treaty);
    }
    return [...treaties.values()].sort((a, b) => a.id.localeCompare(b.id));
  }

  private treatiesOf(party: string): KnownTreaty[] {
    const treaties: KnownTreaty[] = [];
    for (let after: string | undefined; ;) {
      const page = this.readModels.treaties.list({ party, limit: PAGE, ...(after !== undefined ? { after } : {}) });
      for (const status of page.items as unknown as StatusRow[]) treaties.push(this.withDevelopments(status));
      if (page.nextCursor === null) return treaties;
      after = page.nextCursor;
    }
  }

  private withDevelopments(status: StatusRow): KnownTreaty {
    const timeline = this.readModels.treaties.timeline(status.id) as unknown as { items: TimelineItem[] } | undefined;
    return {
      id: status.id,
      title: status.title,
      parties: status.parties,
      developments: (timeline?.items ?? [])
        .filter((item) => !item.retracted)
        .map((item) => ({
          id: item.developmentId,
          type: item.type,
          party: item.party ?? null,
          body: item.body ?? null,
          stage: item.type === 'legislative-approval' ? (item.stage ?? null) : null,
          occurredOn: item.occurredOn,
          consentType: item.consentType ?? null,
          votes: item.votes ?? null,
          speaker: item.speaker ?? null,
          quote: item.quote ?? null,
          reports: item.sources.map((source) => ({
            source: sourceOnly(source),
            occurredOn: source.reportedOccurredOn,
          })),
        })),
    };
  }
}

/** A source as the record holds it, without what the view adds (which event brought it in, when, its date). */
function sourceOnly({ publisher, publishedOn, url, document, quote }: Source): Source {
  return {
    publisher,
    publishedOn,
    ...(url !== undefined ? { url } : {}),
    ...(document !== undefined ? { document } : {}),
    ...(quote !== undefined ? { quote } : {}),
  };
}
