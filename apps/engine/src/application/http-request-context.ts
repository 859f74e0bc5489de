import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '@rectify/domain';
import { readIdempotencyKey } from '../http/idempotency-key.decorator';
import { parseIfMatch } from '../http/if-match.decorator';
import type { RequestContext } from './request-context';

interface HttpRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,200}$/;

/**
 * `@CommandRequest() request: RequestContext` — actor from the verified token (never the
 * body), Idempotency-Key (required), If-Match and X-Correlation-Id. Use with
 * @ApiIdempotentCommand() on the method so OpenAPI documents the headers.
 */
export const CommandRequest = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<HttpRequest>();
  if (!request.actor) throw new Error('CommandRequest used on a route without authentication');
  const idempotencyKey = readIdempotencyKey({ method: 'POST', headers: request.headers }) as string;
  const expectedVersion = parseIfMatch(request);
  const rawCorrelation = request.headers['x-correlation-id'];
  const correlation = Array.isArray(rawCorrelation) ? rawCorrelation[0] : rawCorrelation;
  return {
    actor: request.actor,
    idempotencyKey,
    ...(expectedVersion !== undefined ? { expectedVersion } : {}),
    ...(correlation && CORRELATION_ID.test(correlation) ? { correlationId: correlation } : {}),
  };
});
