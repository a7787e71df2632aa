import type { JsonView } from './json-view';

/** What changed for one treaty: its status as of `position`, for the live feed. */
export interface TreatyUpdate {
  readonly treatyId: string;
  readonly position: bigint;
  readonly status: JsonView;
}

/**
 * An update whose status is rendered when first read, from the read model's views: a rebuild, or a commit nobody
 * subscribes to, never renders it, and the subscribers of one update share one rendering. Read it when it is
 * published (the live feed does): read later, it is the treaty's status then.
 */
export function treatyUpdate(treatyId: string, position: bigint, statusText: () => string | undefined): TreatyUpdate {
  let status: JsonView | undefined;
  return {
    treatyId,
    position,
    get status() {
      return (status ??= JSON.parse(statusText() ?? 'null') as JsonView);
    },
  };
}
