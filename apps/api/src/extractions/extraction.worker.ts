import { parentPort } from 'node:worker_threads';
import {
  extractDevelopments,
  type ExtractionInput,
  type ExtractionResult,
  type KnownDevelopment,
  type KnownTreaty,
} from '@timeline/extraction';
import type { JobMessage, JobReply } from '../worker-threads/job-thread';

/**
 * A treaty a proposal may match, its developments on record as JSON text (`KnownDevelopment[]`): the thread parses
 * them, not the event loop, and a string crosses to the thread as one copy where objects are cloned one by one.
 */
export interface KnownTreatyText extends Omit<KnownTreaty, 'developments'> {
  readonly developments: string;
}

/** One article to read, and the treaties its proposals may match. */
export interface ExtractionWork {
  readonly input: ExtractionInput;
  readonly knownTreaties: readonly KnownTreatyText[];
}

/**
 * The extraction's thread (decision 0048): reads one article at a time, for as long as the service runs, so that
 * a text that takes long to read (some take minutes at the largest size) never holds up the event loop.
 */
if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job: { input, knownTreaties } }: JobMessage<ExtractionWork>) => {
    let reply: JobReply<ExtractionResult>;
    try {
      const known = knownTreaties.map((treaty): KnownTreaty => ({
        ...treaty,
        developments: JSON.parse(treaty.developments) as KnownDevelopment[],
      }));
      reply = { id, result: extractDevelopments(input, known) };
    } catch (error) {
      reply = { id, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies JobReply<ExtractionResult>);
}
