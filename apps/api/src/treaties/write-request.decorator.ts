import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from '../auth/api-key.guard';
import type { CorrelatedRequest } from '../http/correlation-id.middleware';
import { ApiProblem } from '../problems/api-problem';
import type { WriteRequest } from './application/write-request';
import { revisionsInIfMatch } from './if-match';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** Reads what a write needs from the HTTP request: the caller, the correlation id and the two write headers. */
export const Write = createParamDecorator((_data: unknown, context: ExecutionContext): WriteRequest => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest & CorrelatedRequest>();
  if (!request.principal) throw new ApiProblem(401, 'UNAUTHENTICATED', 'This route needs an API key');
  const idempotencyKey = request.header('idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw new ApiProblem(400, 'INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
  }
  const ifMatch = parseIfMatch(request.header('if-match'));
  return {
    principal: request.principal,
    correlationId: request.correlationId ?? 'none',
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    route: `${request.method} ${request.path}`,
    body: request.body as unknown,
  };
});

/**
 * A write's If-Match alone, parsed as `Write` parses it, for routes that are not treaty writes (a webhook
 * subscription's): undefined without the header, `400 INVALID_IF_MATCH` for one that names no revision.
 */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): WriteRequest['ifMatch'] =>
  parseIfMatch(context.switchToHttp().getRequest<CorrelatedRequest>().header('if-match')),
);

function parseIfMatch(header: string | undefined): WriteRequest['ifMatch'] {
  if (header === undefined) return undefined;
  const ifMatch = revisionsInIfMatch(header);
  if (ifMatch === undefined) {
    throw new ApiProblem(
      400,
      'INVALID_IF_MATCH',
      'If-Match must be an ETag from a read, such as "3", a list of them ("3", "4"), or *',
    );
  }
  return ifMatch;
}
