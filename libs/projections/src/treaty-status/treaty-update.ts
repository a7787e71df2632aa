import type { JsonView } from './json-view';

/** What changed for one treaty: its status as of `position`, for the live feed. */
export interface TreatyUpdate {
  readonly treatyId: string;
  readonly position: bigint;
  readonly status: JsonView;
}

/**
 * An update from the status as the read model stores it. The text is parsed when first read: a rebuild publishes
 * nothing and never pays for it, and the subscribers of one update share one parse.
 */
export function treatyUpdate(treatyId: string, position: bigint, statusText: string): TreatyUpdate {
  let status: JsonView | undefined;
  return {
    treatyId,
    position,
    get status() {
      return (status ??= JSON.parse(statusText) as JsonView);
    },
  };
}
