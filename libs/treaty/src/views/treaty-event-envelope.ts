import type { TreatyEvent } from '../treaty.events';

/** A treaty event as read back from its stream: the (upcast) event and what the store recorded about it. */
export type TreatyEventEnvelope = {
  readonly event: TreatyEvent;
  readonly eventId: string;
  /** Transaction time: when the store recorded the event. */
  readonly recordedAt: Date;
  /** Zero-based index in the treaty's stream. */
  readonly revision: bigint;
  /** Position in the global log. */
  readonly position: bigint;
};
