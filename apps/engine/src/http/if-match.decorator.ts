import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { CodedHttpException } from './coded-http.exception';

interface RequestLike {
  headers: Record<string, string | string[] | undefined>;
}

export interface IfMatchOptions {
  /** Refuse the request with 428 PRECONDITION.REQUIRED when the header is absent. */
  required?: boolean;
}

/** Parses `If-Match: 7` or `If-Match: "7"` into the expected stream version 7. */
export function parseIfMatch(request: RequestLike, options: IfMatchOptions = {}): number | undefined {
  const raw = request.headers['if-match'];
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (value === undefined || value === '') {
    if (options.required) throw new CodedHttpException(428, 'PRECONDITION.REQUIRED', 'The If-Match header (expected version) is required');
    return undefined;
  }
  const match = /^(?:"(\d{1,15})"|(\d{1,15}))$/.exec(value);
  if (!match) {
    throw new CodedHttpException(400, 'PRECONDITION.INVALID_IF_MATCH', 'If-Match must be a version number, e.g. 3 or "3"');
  }
  return Number(match[1] ?? match[2]);
}

/** `@IfMatch() expectedVersion?: number`; `@IfMatch({ required: true })` answers 428 without it. */
export const IfMatch = createParamDecorator(
  (options: IfMatchOptions | undefined, context: ExecutionContext) =>
    parseIfMatch(context.switchToHttp().getRequest<RequestLike>(), options ?? {}),
  [
    (target, key) => {
      if (key === undefined) return;
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) {
        ApiHeader({ name: 'If-Match', required: false, description: 'Expected version of the resource, e.g. "3"' })(target, key, descriptor);
      }
    },
  ],
);
