import { INVERSE_RELATION, type RelationType } from '../law/treaty-law.vocabulary';
import type { TreatyHistory } from './treaty-history';

/**
 * What other treaties' streams say about this one: relations they state to it, and statements, negotiations and
 * context they link to it. A treaty's own stream cannot know these; whoever renders the view (the projection,
 * which indexes every treaty's links) passes them in.
 */
export type TreatyLinks = {
  /** Relations stated by other treaties, to this one. */
  readonly incomingRelations?: readonly { readonly type: RelationType; readonly fromTreatyId: string }[];
};

/** A relation as the status shows it: `outgoing` as this treaty states it, `incoming` read from the other side. */
export type ViewRelation = {
  /** A RelationType for outgoing relations; its inverse (`built-on-by`, `amended-by`, ...) for incoming ones. */
  readonly type: string;
  readonly treatyId: string;
  readonly direction: 'outgoing' | 'incoming';
};

export function relationsOf(history: TreatyHistory, links: TreatyLinks | undefined): ViewRelation[] {
  const outgoing = (history.relations ?? []).map(({ type, treatyId }): ViewRelation => ({
    type,
    treatyId,
    direction: 'outgoing',
  }));
  const incoming = (links?.incomingRelations ?? []).map(({ type, fromTreatyId }): ViewRelation => ({
    type: INVERSE_RELATION[type],
    treatyId: fromTreatyId,
    direction: 'incoming',
  }));
  return [...outgoing, ...incoming];
}
