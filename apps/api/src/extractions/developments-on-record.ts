import type { KnownDevelopment } from '@timeline/extraction';
import type { TimelineText } from '@timeline/projections';
import type { Source, Votes } from '@timeline/treaty';

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

/** The summary of each rendered timeline, kept while the rendering is (its treaty's views unchanged). */
const summaries = new WeakMap<TimelineText, string>();

/**
 * A treaty's developments on record as the extraction matches them (retracted ones left out, each with only the
 * fields matching and comparing read: no corrections, no reported fields, no event ids), as JSON text: worked out
 * once per rendering of the timeline, and parsed by the extraction's thread, so that a request costs the event loop
 * a copy of the text, not a parse of the whole timeline (decision 0052).
 */
export function developmentsOnRecord(timeline: TimelineText): string {
  let summary = summaries.get(timeline);
  if (summary === undefined) {
    const items = (JSON.parse(timeline.text) as { items: TimelineItem[] }).items;
    summary = JSON.stringify(items.filter((item) => !item.retracted).map(knownDevelopment));
    summaries.set(timeline, summary);
  }
  return summary;
}

function knownDevelopment(item: TimelineItem): KnownDevelopment {
  return {
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
    reports: item.sources.map((source) => ({ source: sourceOnly(source), occurredOn: source.reportedOccurredOn })),
  };
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
