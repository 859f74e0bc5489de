import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { CodedHttpException } from './coded-http.exception';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

interface RequestLike {
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

/** Reads and checks the Idempotency-Key header. Rule: a POST must carry one. */
export function readIdempotencyKey(request: RequestLike): string | undefined {
  const raw = request.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined || key === '') {
    if (request.method.toUpperCase() === 'POST') {
      throw new CodedHttpException(400, 'IDEMPOTENCY.KEY_REQUIRED', `The ${IDEMPOTENCY_KEY_HEADER} header is required`);
    }
    return undefined;
  }
  if (!KEY_PATTERN.test(key)) {
    throw new CodedHttpException(400, 'IDEMPOTENCY.KEY_INVALID', `${IDEMPOTENCY_KEY_HEADER} must be 1-200 characters of A-Z a-z 0-9 . _ : -`);
  }
  return key;
}

/**
 * `@IdempotencyKey() key: string` — the command id of the request (required on POST,
 * 400 IDEMPOTENCY.KEY_REQUIRED / KEY_INVALID); documented as a header in OpenAPI.
 */
export const IdempotencyKey = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => readIdempotencyKey(context.switchToHttp().getRequest<RequestLike>()),
  [
    (target, key) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) {
        ApiHeader({
          name: IDEMPOTENCY_KEY_HEADER,
          required: true,
          description: 'Command id: a retry with the same key returns the first result and writes nothing',
          schema: { type: 'string', pattern: KEY_PATTERN.source },
        })(target, key, descriptor);
      }
    },
  ],
);
