import { isDecisiveStage, LEGISLATIVE_STAGES } from '@timeline/treaty';

/**
 * Which vote a stage names, as the record tells a chamber's votes apart: its decisive vote is one, whether a report
 * names no reading, its third or its final one; each earlier stage is a vote of its own. Any other stage (a
 * negotiation's) is itself.
 */
export function stageIdentity(stage: string | undefined): string | undefined {
  const legislative = LEGISLATIVE_STAGES.find((candidate) => candidate === stage);
  if (stage !== undefined && legislative === undefined) return stage;
  return isDecisiveStage(legislative) ? undefined : legislative;
}

/** Whether two proposals' stages name the same vote (see `stageIdentity`). */
export function sameStage(a: string | undefined, b: string | undefined): boolean {
  return stageIdentity(a) === stageIdentity(b);
}
