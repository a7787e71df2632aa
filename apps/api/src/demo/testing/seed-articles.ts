import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** Names the folder that holds the source articles; unset, `../shared/seeds` beside the clone is used if it exists. */
export const SEED_ARTICLES_VARIABLE = 'TIMELINE_SEED_ARTICLES_DIR';
// Outside the clone on purpose: used only when it exists; a user's clone without it skips, with the reason.
const CONVENTIONAL_PLACE = '../shared/seeds';

/**
 * Where the articles are, or why they are not here. The articles are not part of the repository, so a clone may
 * lack them: then the checks that read them are skipped with this reason. A folder named explicitly must exist:
 * CI names it, so a missing folder there fails instead of skipping.
 */
export type SeedArticles =
  | {
      readonly available: true;
      readonly directory: string;
      exists(document: string): boolean;
      read(document: string): string;
      sha256(document: string): string;
    }
  | { readonly available: false; readonly reason: string };

export function locateSeedArticles(environment: NodeJS.ProcessEnv = process.env): SeedArticles {
  const named = environment[SEED_ARTICLES_VARIABLE]?.trim();
  const directory = resolve(process.cwd(), named || CONVENTIONAL_PLACE);
  if (!existsSync(directory)) {
    if (named) {
      throw new Error(`${SEED_ARTICLES_VARIABLE} names ${directory}, which does not exist.`);
    }
    return {
      available: false,
      reason: `the source articles are not at ${directory} (set ${SEED_ARTICLES_VARIABLE} to their folder)`,
    };
  }
  const cache = new Map<string, string>();
  return {
    available: true,
    directory,
    exists: (document) => existsSync(resolve(directory, document)),
    sha256: (document) =>
      createHash('sha256')
        .update(readFileSync(resolve(directory, document)))
        .digest('hex'),
    read(document: string): string {
      let text = cache.get(document);
      if (text === undefined) {
        text = readFileSync(resolve(directory, document), 'utf8');
        cache.set(document, text);
      }
      return text;
    },
  };
}
