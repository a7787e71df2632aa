// Apart from seed-articles.ts: the benchmark reads the articles too, and must not load jest.
import { it } from '@jest/globals';
import type { SeedArticles } from './seed-articles';

/**
 * `it` for a check that reads the articles. The articles are their publishers' text and not in the repository, so a
 * user's clone may lack them: the check is then skipped on purpose, with the reason at the end of its name, and the
 * skipped-tests reporter lists it at the end of the run. CI names the folder, so there the check always runs.
 */
export function itReadingArticles(articles: SeedArticles): (name: string, check: () => void) => void {
  return articles.available
    ? (name, check) => it(name, check)
    : // Skipped on purpose, never silently: the articles are not in the repository (see above).
      (name, check) => it.skip(`${name} [skipped: ${articles.reason}]`, check);
}
