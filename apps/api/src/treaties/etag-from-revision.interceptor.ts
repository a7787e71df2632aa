import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { representationEtag } from './representation-etag';

/**
 * A status's ETag names the treaty stream's revision it reflects, which an editor sends back as If-Match, and the
 * bytes sent: `"<revision>-<digest>"` (decision 0059). The revision alone did not identify what was sent: the same
 * revision is rendered otherwise by a newer build (a field added to the views), by what other treaties state about
 * this one, and on the day a date the record sets ahead comes, all without an event of its own, and a client holding
 * the old status kept getting 304 for it. The body is serialised here, once, so the digest is of the bytes Express
 * sends; Express then answers If-None-Match and HEAD from this ETag as for any answer.
 */
@Injectable()
export class EtagFromRevisionInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler<StatusBody>): Observable<unknown> {
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      map((body) => {
        if (typeof body.revision !== 'string') return body;
        const text = JSON.stringify(body);
        response.setHeader('Content-Type', 'application/json; charset=utf-8');
        response.setHeader('ETag', representationEtag(body.revision, text));
        return text;
      }),
    );
  }
}

type StatusBody = { revision?: unknown };
