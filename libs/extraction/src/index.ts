// Assisted extraction: proposes the treaty developments a news article reports. Pure TypeScript, no I/O.
export * from './extraction.types';
export { extractDevelopments } from './extract-developments';
export { namedParties } from './lexicon/named-parties';
export { titleSearchWords, treatiesNamedByTitle } from './treaties/named-by-title';
