import type { TimelineText } from '@timeline/projections';
import type { Request, Response } from 'express';
import { jsonText } from '../http/json-text';
import { timelinePage } from './application/timeline-page';
import type { TreatyTimelineQueryDto } from './dto/treaty-timeline.query.dto';

/**
 * `GET /treaties/{id}/timeline`'s answer: the rendered text as it is (its ETag computed once per rendering), or, with
 * limit or cursor, a page of it with a Link to the next (relative, so that it holds behind a proxy's path).
 */
export function timelineAnswer(
  timeline: TimelineText,
  query: TreatyTimelineQueryDto,
  request: Request,
  response: Response,
): string | Buffer {
  if (query.limit === undefined && query.cursor === undefined)
    return jsonText(request, response, timeline.text, timeline);
  const page = timelinePage(timeline, query.limit, query.cursor);
  if (page.nextCursor !== null) {
    const next = new URLSearchParams(request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '');
    next.set('cursor', page.nextCursor);
    if (query.limit !== undefined) next.set('limit', String(query.limit));
    response.setHeader('Link', `<timeline?${next.toString()}>; rel="next"`);
  }
  return jsonText(request, response, page.text);
}
