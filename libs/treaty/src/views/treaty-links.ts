import type { Development } from '../development';
import { INVERSE_RELATION, type RelationType } from '../law/treaty-law.vocabulary';
import { endOfPeriod, precisionOf, startOfPeriod, type DatePrecision } from '../partial-date';
import type { Source, TreatyEvent } from '../treaty.events';
import type { TreatyEventEnvelope } from './treaty-event-envelope';
import type { NotOnRecordReason } from './treaties-not-on-record';
import { foldTreatyHistory, isOnRecord, type TreatyHistory } from './treaty-history';
import { resolveViewOptions } from './view-options';

/**
 * What other treaties' streams say about this one: relations they state to it, and statements, negotiations and
 * context they link to it; and which of the treaties it names are not on record. A treaty's own stream cannot know
 * these; whoever renders the view (the projection, which indexes every treaty's links and holds the registry)
 * passes them in.
 */
export type TreatyLinks = {
  /** Relations stated by other treaties, to this one. */
  readonly incomingRelations?: readonly { readonly type: RelationType; readonly fromTreatyId: string }[];
  /** Statements, negotiations and context recorded on other treaties that link this one. */
  readonly items?: readonly LinkedItem[];
  /**
   * Of the treaties this one names (`treatyIdsNamedIn`), those the record does not hold, and why. The others are on
   * record; without it, the view lists none as missing.
   */
  readonly notOnRecord?: ReadonlyMap<string, NotOnRecordReason>;
};

type Diplomacy = Extract<Development, { type: 'statement' | 'negotiations' | 'context' }>;

/** A statement, negotiations or context recorded on another treaty (`fromTreatyId`) and linking this one. */
export type LinkedItem = Diplomacy & {
  readonly fromTreatyId: string;
  readonly developmentId: string;
  readonly precision: DatePrecision;
  readonly sources: readonly Source[];
};

/** A relation as the status shows it: `outgoing` as this treaty states it, `incoming` read from the other side. */
export type ViewRelation = {
  /** A RelationType for outgoing relations; its inverse (`built-on-by`, `amended-by`, ...) for incoming ones. */
  readonly type: string;
  readonly treatyId: string;
  readonly direction: 'outgoing' | 'incoming';
};

/** What this treaty's record says about another treaty, for the projection to index under that treaty. */
export type OutgoingLink =
  | { readonly kind: 'relation'; readonly toTreatyId: string; readonly type: RelationType }
  | { readonly kind: 'item'; readonly toTreatyId: string; readonly item: LinkedItem };

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

/**
 * Whether folding this event can change `outgoingLinksOf`: the relations come with the registration, the items
 * are statements, negotiations and context, and a corroboration, correction or retraction may change any of those.
 * Legal acts link nothing, so the projection need not index a treaty's links again after one.
 */
export function mayChangeOutgoingLinks(event: TreatyEvent): boolean {
  switch (event.type) {
    case 'TreatyRegistered':
    case 'StatementMade':
    case 'NegotiationsReported':
    case 'ContextReported':
    case 'DevelopmentCorroborated':
    case 'DevelopmentCorrected':
    case 'DevelopmentRetracted':
      return true;
    default:
      return false;
  }
}

/**
 * The treaties an event names: the relations a registration states, and the treaties a statement, negotiations or
 * context names. Whatever becomes of the event later (a retraction), its treaty has named them: `knownAt` may
 * need what it said then. Corrections, corroborations and retractions name no treaty of their own.
 */
export function treatiesNamedBy(event: TreatyEvent): readonly string[] {
  switch (event.type) {
    case 'TreatyRegistered':
      return (event.data.relations ?? []).map((relation) => relation.treatyId);
    case 'StatementMade':
    case 'NegotiationsReported':
    case 'ContextReported':
      return event.data.treaties ?? [];
    default:
      return [];
  }
}

/** The relations this treaty states and its on-record diplomacy that names other treaties. */
export function outgoingLinksOf(history: TreatyHistory): OutgoingLink[] {
  const links: OutgoingLink[] = (history.relations ?? []).map(({ type, treatyId }) => ({
    kind: 'relation',
    toTreatyId: treatyId,
    type,
  }));
  for (const development of history.developments) {
    const { current } = development;
    if (!isOnRecord(development)) continue;
    if (current.type !== 'statement' && current.type !== 'negotiations' && current.type !== 'context') continue;
    // Object.assign rather than a spread followed by more properties: see viewSource.
    const item: LinkedItem = Object.assign({}, current, {
      fromTreatyId: history.treatyId,
      developmentId: development.developmentId,
      precision: precisionOf(current.occurredOn),
      sources: development.sourceReports.map((report) => report.source),
    });
    for (const toTreatyId of current.treaties ?? []) links.push({ kind: 'item', toTreatyId, item });
  }
  return links;
}

/** Linked items that had happened by `asOf`, in valid-time order. */
export function linkedItemsOf(links: TreatyLinks | undefined, asOf: string | null): LinkedItem[] {
  return (links?.items ?? [])
    .filter((item) => asOf === null || endOfPeriod(item.occurredOn) <= asOf)
    .sort((a, b) => startOfPeriod(a.occurredOn).localeCompare(startOfPeriod(b.occurredOn)));
}

/**
 * What each treaty receives from the others, for a whole log at once: the same links the projection indexes one
 * changed treaty at a time, for a reader that folds every stream itself (the offline replay of an export).
 */
export function linksFromOthers(histories: Iterable<TreatyHistory>): Map<string, TreatyLinks> {
  const received = new Map<string, { incomingRelations: IncomingRelation[]; items: LinkedItem[] }>();
  for (const history of histories) {
    for (const link of outgoingLinksOf(history)) {
      const target = received.get(link.toTreatyId) ?? { incomingRelations: [], items: [] };
      if (link.kind === 'relation') target.incomingRelations.push({ type: link.type, fromTreatyId: history.treatyId });
      else target.items.push(link.item);
      received.set(link.toTreatyId, target);
    }
  }
  return received;
}

/**
 * What other treaties said about `treatyId` as the record stood at `knownAt` (transaction time): each of their
 * histories folded from the events recorded by then, so that a statement recorded later is not there yet and one
 * retracted later still is. `linkers` are the events of every treaty that has ever linked it.
 */
export function linksKnownAt(
  treatyId: string,
  linkers: Iterable<Iterable<TreatyEventEnvelope>>,
  knownAt: Date | string,
): TreatyLinks {
  const { knownAt: instant } = resolveViewOptions({ knownAt });
  const histories: TreatyHistory[] = [];
  for (const events of linkers) {
    const history = foldTreatyHistory(events, instant);
    if (history) histories.push(history);
  }
  return linksFromOthers(histories).get(treatyId) ?? {};
}

type IncomingRelation = NonNullable<TreatyLinks['incomingRelations']>[number];
