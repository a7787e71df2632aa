import { parentPort } from 'node:worker_threads';
import { timelineText, toJsonText, type TimelineText } from '@timeline/projections';
import {
  treatyStatusView,
  treatyTimelineView,
  type TreatyEventEnvelope,
  type TreatyLinks,
  type ViewOptions,
} from '@timeline/treaty';
import type { JobMessage, JobReply } from '../../worker-threads/job-thread';

/** Each view of the past as clients receive it: the status's JSON text, the timeline's with its items' places. */
export interface PastViews {
  readonly status: { readonly status: string };
  readonly timeline: { readonly timeline: TimelineText };
}

/** A view of the past to fold (`asOf`, `knownAt`): the treaty's events, the view's options, what others say of it. */
export interface TimeTravelWork<View extends keyof PastViews = keyof PastViews> {
  readonly view: View;
  readonly envelopes: readonly TreatyEventEnvelope[];
  readonly options: ViewOptions;
  readonly links: TreatyLinks;
}

/** The view asked for; null: the treaty had no such view then. */
export type TimeTravelResult<View extends keyof PastViews = keyof PastViews> = PastViews[View] | null;

/**
 * The time travellers' thread (decision 0056): folds one treaty's past at a time, so that a long history (a fold of
 * 19,000 developments takes seconds) never holds up the event loop.
 */
if (parentPort) {
  const port = parentPort;
  port.on('message', ({ id, job }: JobMessage<TimeTravelWork>) => {
    let reply: JobReply<TimeTravelResult>;
    try {
      reply = { id, result: folded(job) };
    } catch (error) {
      reply = { id, failure: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies JobReply<TimeTravelResult>);
}

function folded({ view, envelopes, options, links }: TimeTravelWork): TimeTravelResult {
  if (view === 'status') {
    const status = treatyStatusView(envelopes, options, links);
    return status && { status: toJsonText(status) };
  }
  const timeline = treatyTimelineView(envelopes, options, links);
  return timeline && { timeline: timelineText(timeline) };
}
