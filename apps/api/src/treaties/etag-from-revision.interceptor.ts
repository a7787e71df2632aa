import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { ReadModels } from '../read-models/read-models.service';

/**
 * A read's ETag is the treaty stream's revision it reflects: what an editor sends back as If-Match. Relations that
 * other treaties state to this one also show in its status, and they come without a change to this stream: while the
 * status shows any, or while its views last changed with another treaty's event (a relation retracted, or its
 * treaty deleted for good, shows no more), its revision does not identify what was sent, so a conditional GET gets
 * the whole status rather than a 304 (Express answers If-None-Match from the ETag alone).
 */
@Injectable()
export class EtagFromRevisionInterceptor implements NestInterceptor {
  constructor(private readonly readModels: ReadModels) {}

  intercept(
    context: ExecutionContext,
    next: CallHandler<{ id?: unknown; revision?: unknown; relations?: unknown }>,
  ): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        if (typeof body.revision !== 'string') return;
        response.setHeader('ETag', `"${body.revision}"`);
        // Only a conditional GET needs to know (and pays for the read model's answer).
        if (request.headers['if-none-match'] === undefined) return;
        if (showsOtherTreaties(body) || this.changedByOthers(body.id)) delete request.headers['if-none-match'];
      }),
    );
  }

  private changedByOthers(treatyId: unknown): boolean {
    return typeof treatyId === 'string' && this.readModels.treaties.changedByOthers(treatyId);
  }
}

function showsOtherTreaties(body: { relations?: unknown }): boolean {
  return (
    Array.isArray(body.relations) &&
    body.relations.some((relation: { direction?: unknown }) => relation.direction === 'incoming')
  );
}
