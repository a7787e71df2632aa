import { parentPort } from 'node:worker_threads';
import {
  extractDevelopments,
  type ExtractionInput,
  type ExtractionResult,
  type KnownTreaty,
} from '@timeline/extraction';

/** One article to read, and the treaties its proposals may match. */
export interface ExtractionWork {
  readonly id: number;
  readonly input: ExtractionInput;
  readonly knownTreaties: readonly KnownTreaty[];
}

/** The answer to one piece of work: its proposals, or why reading failed. */
export type ExtractionReply =
  { readonly id: number; readonly result: ExtractionResult } | { readonly id: number; readonly failure: string };

/**
 * The extraction's thread (decision 0048): reads one article at a time, for as long as the service runs, so that
 * a text that takes long to read (some take minutes at the largest size) never holds up the event loop.
 */
if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, input, knownTreaties }: ExtractionWork) => {
    let reply: ExtractionReply;
    try {
      reply = { id, result: extractDevelopments(input, knownTreaties) };
    } catch (error) {
      reply = { id, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
}
