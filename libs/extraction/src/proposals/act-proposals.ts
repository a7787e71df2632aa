import { openToStatesNotParties } from '@timeline/treaty';
import type { Anaphor } from '../dates/anaphoric-phrases';
import type { OnRecord } from './on-record';
import type { KnownTreaty, Proposal } from '../extraction.types';
import type { ActFinding } from '../rules/find-acts';
import { findVoteCounts } from '../rules/vote-counts';
import type { Sentence } from '../text/sentences';
import { matchTreaty } from '../treaties/match-treaty';

/** A proposal while the article is still being read: its date or chamber may come from another sentence. */
export type Draft = Omit<
  Proposal,
  'occurredOn' | 'precision' | 'dateReasoning' | 'alreadyRecorded' | keyof OnRecord
> & {
  readonly occurredOn?: string;
  readonly precision?: Proposal['precision'];
  readonly dateReasoning?: string;
  readonly needsBody: boolean;
  readonly present: boolean;
  /** Every party of the matched treaty (of the parties named, when none matched). */
  readonly treatyParties: readonly string[];
  /** The reporting sentence's place in the article: its index and paragraph. */
  readonly sentence: number;
  readonly paragraph: number;
  /** Undated, a phrase that points back to an earlier event for the date ("at the time"). */
  readonly anaphor?: Anaphor;
  /**
   * Where the date comes from: the sentence's own words, the article (another sentence), or the publication day
   * for want of any. Only a date the article gives can be pointed back to.
   */
  readonly datedBy?: 'sentence' | 'article' | 'publication';
};

const BASE = 0.9;
/** Acts done by one party, the subject of the verb or a passive's agent when no chamber names it (`actingStates`). */
const ONE_PARTY_ACTS = new Set([
  'ratification-completed',
  'consent-to-be-bound',
  'withdrawn',
  'withdrawal-notified',
  'withdrawal-revoked',
  'suspended',
]);

/** Tracks the treaty an article is about: the one its acts have been matched to most often by parties named. */
export class ArticleFocus {
  private readonly counts = new Map<string, number>();
  private current: string | undefined;

  get treatyId(): string | undefined {
    return this.current;
  }

  saw(treatyId: string): void {
    const count = (this.counts.get(treatyId) ?? 0) + 1;
    this.counts.set(treatyId, count);
    if (!this.current || count > (this.counts.get(this.current) ?? 0)) this.current = treatyId;
  }
}

/**
 * Turns a finding into draft proposals, each matched to a registered treaty or named by its own words: one, or for a
 * state's own act that several states do ("France and Italy ratified the treaty"), one per state.
 */
export function draftActs(
  text: string,
  sentence: Sentence,
  finding: ActFinding,
  known: readonly KnownTreaty[],
  focus: ArticleFocus,
  publishedOn: string,
): Draft[] {
  // "ratified" without a chamber is the state's own act too: its completed ratification, or its chamber's vote.
  const ownAct = !finding.body && (ONE_PARTY_ACTS.has(finding.type) || finding.needsBody);
  const parties = finding.body ? [finding.body.party] : ownAct ? finding.actors : [];
  return (parties.length > 0 ? parties : [undefined]).map((party) =>
    draftAct(text, sentence, finding, party, known, focus, publishedOn),
  );
}

function draftAct(
  text: string,
  sentence: Sentence,
  finding: ActFinding,
  party: string | undefined,
  known: readonly KnownTreaty[],
  focus: ArticleFocus,
  publishedOn: string,
): Draft {
  // A chamber that belongs to one state names it, as the state's name would ("the Bundestag" is Germany's).
  const named = [
    ...new Set([
      ...finding.parties.map((mention) => mention.code),
      ...(finding.body?.named && finding.body.party ? [finding.body.party] : []),
    ]),
  ];
  const match = matchTreaty(
    {
      parties: named,
      actedBefore: finding.actedBefore,
      text: text.slice(finding.clause.start, finding.clause.end),
      noun: finding.noun,
      focus: focus.treatyId,
      act: {
        type: finding.type,
        ...(finding.consentType ? { consentType: finding.consentType } : {}),
        // A ratification without its chamber may end as the state's own, which takes no state that is not a party.
        ...(party && !finding.needsBody ? { party } : {}),
        ...(finding.body ? { body: finding.body.body } : {}),
        // A present verb without a date is news of the day: tentatively, for comparing with the record.
        ...(finding.date || finding.present ? { occurredOn: finding.date?.occurredOn ?? publishedOn } : {}),
      },
    },
    known,
  );
  if (match && match.by !== 'focus') focus.saw(match.treaty.id);
  let confidence = BASE;
  if (!match) confidence *= 0.6;
  else if (match.by !== 'parties') confidence *= 0.85;
  if (match?.ambiguous) confidence *= 0.7;
  if (finding.body && !finding.body.named) confidence *= 0.9;
  if (finding.gapped) confidence *= 0.9;
  // Unmatched, the treaty's parties are those the sentence names, its chamber's country among them ("the Mazhilis").
  const treatyParties = match
    ? match.treaty.parties
    : [...new Set([...named, ...(finding.body?.party ? [finding.body.party] : [])])];
  return {
    treatyId: match?.treaty.id ?? null,
    ...(match ? {} : { treatyTitle: finding.noun?.phrase ?? 'treaty' }),
    parties: match ? match.parties : treatyParties,
    type: finding.type,
    ...(party && (treatyParties.includes(party) || (!finding.needsBody && joinsMatched(finding, match?.treaty)))
      ? { party }
      : {}),
    ...(finding.body ? { body: finding.body.body } : {}),
    ...(finding.stage ? { stage: finding.stage } : {}),
    ...votesOf(finding, text),
    ...(finding.consentType ? { consentType: finding.consentType } : {}),
    ...(finding.date
      ? {
          occurredOn: finding.date.occurredOn,
          precision: finding.date.precision,
          dateReasoning: finding.date.reasoning,
          ...(finding.date.period ? { period: finding.date.period } : {}),
          datedBy: 'sentence' as const,
        }
      : {}),
    ...(finding.anaphor ? { anaphor: finding.anaphor } : {}),
    quote: sentence.text,
    quoteStart: sentence.start,
    quoteEnd: sentence.end,
    confidence,
    needsBody: finding.needsBody,
    present: finding.present,
    treatyParties,
    sentence: sentence.index,
    paragraph: sentence.paragraph,
  };
}

/**
 * Whether the act's state may do it without being a party of the matched treaty yet: its chamber approving an
 * accession, or its instrument (the decider's own rule, `openToStatesNotParties`; a signature names no one party
 * here). A treaty not matched has the parties the sentence names, so no state acting in it is outside them.
 */
function joinsMatched(finding: ActFinding, treaty: KnownTreaty | undefined): boolean {
  return treaty !== undefined && openToStatesNotParties(finding, treaty.kind);
}

/** A chamber's vote with the counts its clause gives ("by 98 votes to 2"). */
function votesOf(finding: ActFinding, text: string): Pick<Draft, 'votes'> {
  if (finding.type !== 'legislative-approval') return {};
  const votes = findVoteCounts(text.slice(finding.clause.start, finding.clause.end));
  return votes ? { votes } : {};
}
