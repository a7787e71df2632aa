import { parsePosition } from '../http/positions';
import { ApiProblem } from '../problems/api-problem';

/** `Last-Event-ID` (the position a reconnecting client last received), or undefined on a first connection. */
export function resumePosition(lastEventId: string | undefined): bigint | undefined {
  if (lastEventId === undefined || lastEventId === '') return undefined;
  const position = parsePosition(lastEventId);
  if (position === undefined) {
    throw new ApiProblem(400, 'INVALID_LAST_EVENT_ID', 'Last-Event-ID must be a position received from this feed');
  }
  return position;
}
