import { toCloudEvent, type TreatyEventContext } from './cloud-event';

/** How a delivery ended for its worker: acknowledged (or no longer due), or the worker must stop following. */
export type Outcome = 'delivered' | 'stop';

/**
 * One delivery to make: the CloudEvent's id, its treaty and log position, and the body sent; for a day's change of
 * status (decision 0039), its day, and the position of the treaty's last event then.
 */
export interface Outgoing {
  readonly eventId: string;
  readonly treatyId: string;
  readonly position: bigint;
  readonly day?: string;
  readonly body: string;
}

/** The delivery of a treaty event: its CloudEvent. */
export function treatyEventDelivery(context: TreatyEventContext): Outgoing {
  return {
    eventId: context.event.id,
    treatyId: context.treatyId,
    position: context.event.position,
    body: JSON.stringify(toCloudEvent(context)),
  };
}
