import type { ExtractionInput, ExtractionResult, KnownTreaty } from './extraction.types';
import { ArticleFocus, draftActs, type Draft } from './proposals/act-proposals';
import { draftDiplomacy } from './proposals/diplomacy-proposals';
import { finishProposals } from './proposals/finish';
import { resolveArticle } from './proposals/resolve-article';
import { findActs } from './rules/find-acts';
import { findDiplomacy } from './rules/find-diplomacy';
import { splitSentences } from './text/sentences';

/**
 * Reads an article and proposes the treaty developments it reports, each with its date resolved against the
 * publication date, its sentence quoted verbatim, and the registered treaty it concerns. Pure: no I/O, no clock,
 * nothing downloaded; the same input gives the same proposals.
 */
export function extractDevelopments(input: ExtractionInput, knownTreaties: readonly KnownTreaty[]): ExtractionResult {
  const focus = new ArticleFocus();
  const drafts: Draft[] = [];
  const sentences = splitSentences(input.text);
  for (const sentence of sentences) {
    for (const finding of findActs(input.text, sentence, input.publishedOn)) {
      drafts.push(...draftActs(input.text, sentence, finding, knownTreaties, focus, input.publishedOn));
    }
    for (const finding of findDiplomacy(input.text, sentence, input.publishedOn)) {
      drafts.push(draftDiplomacy(sentence, finding, knownTreaties, focus, input.publishedOn));
    }
  }
  return {
    proposals: finishProposals(
      resolveArticle(drafts, input.publishedOn, { sentences, known: knownTreaties }),
      knownTreaties,
      input,
    ),
  };
}
