import { isTreatyAct, type KnownTreaty, type Proposal } from '@timeline/extraction';
import { partialDatesAgree } from '@timeline/treaty';
import { DEMO_TREATIES } from '../../apps/api/src/demo/demo-data';

/** A treaty act as the demo data records it from one article: the ground truth the extraction is measured on. */
export interface ExpectedAct {
  readonly id: string;
  readonly treatyId: string;
  readonly type: string;
  readonly party?: string;
  readonly body?: string;
  readonly occurredOn: string;
  readonly quote: string;
  readonly document: string;
  readonly publishedOn: string;
}

interface DemoRequest {
  type: string;
  occurredOn: string;
  party?: string;
  body?: string;
  speaker?: string;
  source: { publishedOn: string; document: string; quote: string };
}

const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

export const EXPECTED_ACTS: readonly ExpectedAct[] = DEMO_TREATIES.flatMap((treaty) => {
  const treatyId = (treaty.registration as { id: string }).id;
  return treaty.developments.map((development, index) => {
    const request = development.request as DemoRequest;
    return {
      id: `${treatyId}#${index}`,
      treatyId,
      type: request.type,
      ...(request.party ? { party: request.party } : {}),
      ...(request.body ? { body: request.body } : {}),
      occurredOn: request.occurredOn,
      quote: request.source.quote,
      document: request.source.document,
      publishedOn: request.source.publishedOn,
    };
  });
}).filter((act) => isTreatyAct(act.type as Proposal['type']));

/** A statement as the demo data records it from one article: who spoke, when, and on which treaty. */
export interface ExpectedStatement {
  readonly ref: string;
  readonly treatyId: string;
  readonly speaker: string;
  readonly occurredOn: string;
  readonly quote: string;
  readonly document: string;
}

export const EXPECTED_STATEMENTS: readonly ExpectedStatement[] = DEMO_TREATIES.flatMap((treaty) =>
  treaty.developments.flatMap((development) => {
    const request = development.request as DemoRequest;
    return request.type === 'statement' && request.speaker
      ? [
          {
            ref: development.ref,
            treatyId: (treaty.registration as { id: string }).id,
            speaker: request.speaker,
            occurredOn: request.occurredOn,
            quote: request.source.quote,
            document: request.source.document,
          },
        ]
      : [];
  }),
);

export interface StatementFigures {
  readonly expected: number;
  /** Demo statements proposed: a statement from the quoted sentence by the speaker (or their surname). */
  readonly proposed: number;
  /** Of those, the ones whose date agrees with the demo data's at the coarser precision. */
  readonly dated: number;
  readonly misdated: readonly { readonly statement: ExpectedStatement; readonly proposal: Proposal }[];
  /** Of those proposed, the ones proposed for another treaty than the demo data records them on. */
  readonly misplaced: readonly { readonly statement: ExpectedStatement; readonly proposal: Proposal }[];
}

/** The demo statements of one article, against the statements proposed for it: found, and dated alike. */
export function measureStatements(document: string, proposals: readonly Proposal[]): StatementFigures {
  const expected = EXPECTED_STATEMENTS.filter((statement) => statement.document === document);
  const found = expected.flatMap((statement) => {
    const surname = statement.speaker.split(' ').at(-1)!;
    const proposal = proposals.find(
      (candidate) =>
        candidate.type === 'statement' &&
        (candidate.speaker ?? '').includes(surname) &&
        quotes(candidate.quote, statement.quote),
    );
    return proposal ? [{ statement, proposal }] : [];
  });
  const misdated = found.filter(
    ({ statement, proposal }) => !partialDatesAgree(proposal.occurredOn, statement.occurredOn),
  );
  const misplaced = found.filter(({ statement, proposal }) => proposal.treatyId !== statement.treatyId);
  return {
    expected: expected.length,
    proposed: found.length,
    dated: found.length - misdated.length,
    misdated,
    misplaced,
  };
}

/** The registered treaties; with `recordFrom`, the developments those articles reported, as the record would have them. */
export function knownTreaties(recordFrom: (document: string) => boolean = () => false): KnownTreaty[] {
  return DEMO_TREATIES.map((treaty) => {
    const registration = treaty.registration as { id: string; title: string; parties: string[] };
    return {
      id: registration.id,
      title: registration.title,
      parties: registration.parties,
      developments: EXPECTED_ACTS.filter((act) => act.treatyId === registration.id && recordFrom(act.document)).map(
        (act) => ({
          id: act.id,
          type: act.type,
          party: act.party ?? null,
          body: act.body ?? null,
          occurredOn: act.occurredOn,
        }),
      ),
    };
  });
}

/** Same treaty, type, party and chamber, and dates that agree at the coarser precision. */
export function proposes(proposal: Proposal, act: ExpectedAct): boolean {
  const body = (value: string | undefined) => value?.toLowerCase().replace(/\s+/g, '');
  return (
    proposal.treatyId === act.treatyId &&
    proposal.type === act.type &&
    proposal.party === act.party &&
    body(proposal.body) === body(act.body) &&
    partialDatesAgree(proposal.occurredOn, act.occurredOn)
  );
}

export interface ArticleFigures {
  readonly document: string;
  readonly expected: number;
  readonly found: number;
  readonly proposedActs: number;
  readonly correctActs: number;
  readonly missed: readonly ExpectedAct[];
  readonly wrong: readonly Proposal[];
  readonly quotesVerbatim: boolean;
  /** Expected acts whose quote names a weekday, and how many of them were proposed on exactly that day. */
  readonly weekdays: { readonly expected: number; readonly exact: number };
  /** Found acts proposed as already on record, of those the record (other articles) had. */
  readonly alreadyRecorded: { readonly onRecord: number; readonly flagged: number };
}

export function measure(
  document: string,
  text: string,
  proposals: readonly Proposal[],
  known: readonly KnownTreaty[],
): ArticleFigures {
  const expected = EXPECTED_ACTS.filter((act) => act.document === document);
  const acts = proposals.filter((proposal) => isTreatyAct(proposal.type));
  const correct = acts.filter((proposal) => expected.some((act) => proposes(proposal, act)));
  const missed = expected.filter((act) => !acts.some((proposal) => proposes(proposal, act)));
  const weekdayActs = expected.filter((act) => WEEKDAY.test(act.quote));
  // The date resolution's own check: a proposal of the act's type from the quoted sentence, on that very day.
  const exactDay = weekdayActs.filter((act) =>
    acts.some(
      (proposal) =>
        proposal.type === act.type &&
        quotes(proposal.quote, act.quote) &&
        proposal.precision === 'day' &&
        proposal.occurredOn === act.occurredOn,
    ),
  );
  const recordIds = new Set(
    known.flatMap((treaty) => (treaty.developments ?? []).map((development) => development.id)),
  );
  const onRecord = correct.filter((proposal) =>
    known.some((treaty) =>
      (treaty.developments ?? []).some(
        (development) =>
          recordIds.has(development.id) &&
          proposes(proposal, {
            ...development,
            treatyId: treaty.id,
            party: development.party ?? undefined,
            body: development.body ?? undefined,
          } as ExpectedAct),
      ),
    ),
  );
  return {
    document,
    expected: expected.length,
    found: expected.length - missed.length,
    proposedActs: acts.length,
    correctActs: correct.length,
    missed,
    wrong: acts.filter((proposal) => !correct.includes(proposal)),
    quotesVerbatim: proposals.every(
      (proposal) => text.slice(proposal.quoteStart, proposal.quoteEnd) === proposal.quote,
    ),
    weekdays: { expected: weekdayActs.length, exact: exactDay.length },
    alreadyRecorded: {
      onRecord: onRecord.length,
      flagged: onRecord.filter((proposal) => proposal.alreadyRecorded).length,
    },
  };
}

/** One quote holds the other, whatever line breaks the article has where the demo data has spaces. */
function quotes(a: string, b: string): boolean {
  const flat = (quote: string) => quote.replace(/\s+/g, ' ').trim();
  return flat(a).includes(flat(b)) || flat(b).includes(flat(a));
}
