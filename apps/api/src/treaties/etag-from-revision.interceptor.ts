import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { ReadModels } from '../read-models/read-models.service';

/**
 * A read's ETag is the treaty stream's revision it reflects: what an editor sends back as If-Match. Relations that
 * other treaties state to this one also show in its status, and they come without a change to this stream: while the
 * status shows any, or while its views last changed with another treaty's event (a relation retracted, or its
 * treaty deleted for good, shows no more), its revision does not identify what was sent, so a conditional GET gets
 * the whole status rather than a 304 (Express answers If-None-Match from the ETag alone). So does a status that reads
 * dates the record sets ahead (decision 0035): the present's status changes on the day one comes, with no event.
 */
@Injectable()
export class EtagFromRevisionInterceptor implements NestInterceptor {
  constructor(private readonly readModels: ReadModels) {}

  intercept(context: ExecutionContext, next: CallHandler<StatusBody>): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      tap((body) => {
        if (typeof body.revision !== 'string') return;
        response.setHeader('ETag', `"${body.revision}"`);
        // Only a conditional GET needs to know (and pays for the read model's answer).
        if (request.headers['if-none-match'] === undefined) return;
        if (showsOtherTreaties(body) || readsDatesAhead(body) || this.changedByOthers(body.id)) {
          delete request.headers['if-none-match'];
        }
      }),
    );
  }

  private changedByOthers(treatyId: unknown): boolean {
    return typeof treatyId === 'string' && this.readModels.treaties.changedByOthers(treatyId);
  }
}

type StatusBody = {
  id?: unknown;
  revision?: unknown;
  relations?: unknown;
  nextChangeOn?: unknown;
  enteredIntoForceOnByClause?: unknown;
  enteredIntoForceOnExpected?: unknown;
  terminatedOnComputed?: unknown;
  terminatedOnExpected?: unknown;
  ratification?: Record<
    string,
    { inForceOnComputed?: unknown; inForceOnExpected?: unknown; withdrawalEffectiveOn?: unknown }
  >;
  disagreements?: { computedOn?: unknown }[];
};

/**
 * Whether the status shows a date the record sets ahead, come or to come (an entry into force by the clause, a
 * withdrawal's effect, a bilateral treaty's end): on the day it comes, the status changes with no event, so a copy
 * held by its revision may be stale. The timeline reads none.
 */
function readsDatesAhead(body: StatusBody): boolean {
  const given = (value: unknown) => value !== undefined && value !== null && value !== false;
  return (
    given(body.nextChangeOn) ||
    given(body.enteredIntoForceOnByClause) ||
    given(body.enteredIntoForceOnExpected) ||
    given(body.terminatedOnComputed) ||
    given(body.terminatedOnExpected) ||
    Object.values(body.ratification ?? {}).some(
      (party) => given(party.inForceOnComputed) || given(party.inForceOnExpected) || given(party.withdrawalEffectiveOn),
    ) ||
    (body.disagreements ?? []).some((disagreement) => given(disagreement.computedOn))
  );
}

function showsOtherTreaties(body: { relations?: unknown }): boolean {
  return (
    Array.isArray(body.relations) &&
    body.relations.some((relation: { direction?: unknown }) => relation.direction === 'incoming')
  );
}
