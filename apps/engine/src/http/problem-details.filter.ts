import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, type DomainErrorKind } from '@rectify/domain';
import { CommandKeyTakenError, ConcurrencyError, IdempotencyKeyReusedError } from '@rectify/event-store';
import type { AuthorizationRefusals } from '@rectify/auth';
import {
  defaultCode,
  PROBLEM_CONTENT_TYPE,
  problemType,
  statusTitle,
  type FieldError,
  type ProblemDetails,
} from './problem-details';

const DOMAIN_STATUS: Record<DomainErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
};

/** body-parser / http-errors `type`s → our codes. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'REQUEST.MALFORMED_JSON',
  'entity.too.large': 'REQUEST.TOO_LARGE',
  'entity.verify.failed': 'REQUEST.INVALID_BODY',
  'request.aborted': 'REQUEST.ABORTED',
  'request.size.invalid': 'REQUEST.INVALID_BODY',
  'charset.unsupported': 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'encoding.unsupported': 'REQUEST.UNSUPPORTED_ENCODING',
  'stream.encoding.set': 'INTERNAL',
};

interface Mapped {
  status: number;
  code: string;
  detail: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
}

/**
 * The one place errors become HTTP: RFC 9457 application/problem+json for everything.
 * Rules: domain kinds invalid→422, not_found→404, conflict→409, forbidden→403;
 * unexpected errors → 500 INTERNAL with a generic detail, logged with their stack,
 * never echoed to the client.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(private readonly refusals?: AuthorizationRefusals) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const instance = (request.originalUrl ?? request.url ?? '').split('?')[0];
    const mapped = this.map(exception, request, instance);

    if (mapped.status >= 500) {
      this.logger.error(
        `${request.method} ${instance} → ${mapped.status} ${mapped.code}: ${describe(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (exception instanceof DomainError && exception.kind === 'forbidden' && this.refusals) {
      void this.refusals.record({
        status: 403,
        code: exception.code,
        reason: exception.message,
        method: request.method,
        path: instance,
        actor: actorOf(request),
        at: new Date(),
      });
    }

    const body: ProblemDetails = {
      type: problemType(mapped.code),
      title: statusTitle(mapped.status),
      status: mapped.status,
      detail: mapped.detail,
      code: mapped.code,
      instance,
      ...(mapped.errors ? { errors: mapped.errors } : {}),
    };
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(mapped.headers ?? {})) response.setHeader(name, value);
    response.status(mapped.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }

  private map(exception: unknown, request: Request, instance: string): Mapped {
    if (exception instanceof DomainError) {
      return { status: DOMAIN_STATUS[exception.kind] ?? 409, code: exception.code, detail: exception.message };
    }
    if (exception instanceof ConcurrencyError) {
      return { status: 409, code: 'VERSION.CONFLICT', detail: `The resource was changed concurrently (now at version ${exception.actualVersion}); reload and retry` };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      return { status: 422, code: 'IDEMPOTENCY.KEY_REUSED', detail: exception.message };
    }
    if (exception instanceof CommandKeyTakenError) {
      return { status: 409, code: exception.code, detail: exception.message, headers: { 'Retry-After': '1' } };
    }
    if (exception instanceof HttpException) return this.mapHttp(exception, request, instance);
    return { status: 500, code: 'INTERNAL', detail: 'An unexpected error occurred; it has been logged' };
  }

  private mapHttp(exception: HttpException, request: Request, instance: string): Mapped {
    const status = exception.getStatus();
    const cause = exception.cause as { type?: unknown } | undefined;
    const causeCode = typeof cause?.type === 'string' ? BODY_ERRORS[cause.type] : undefined;
    if (causeCode) return { status, code: causeCode, detail: bodyErrorDetail(causeCode, exception) };

    const body = exception.getResponse();
    const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const code = typeof fields.code === 'string' ? fields.code : undefined;
    const message = detailOf(fields.message) ?? (typeof body === 'string' ? body : exception.message);
    const errors = Array.isArray(fields.errors) ? (fields.errors as FieldError[]) : undefined;
    const headers: Record<string, string> = status === 401 ? { 'WWW-Authenticate': 'Bearer realm="rectify"' } : {};

    if (status === 404 && !code && /^Cannot [A-Z]+ /.test(message)) {
      return { status, code: 'ROUTE.NOT_FOUND', detail: `No route ${request.method} ${instance}`, headers };
    }
    if (status >= 500 && !code) {
      return { status, code: defaultCode(status), detail: statusTitle(status), headers };
    }
    return { status, code: code ?? defaultCode(status), detail: message, ...(errors ? { errors } : {}), headers };
  }
}

function detailOf(message: unknown): string | undefined {
  if (typeof message === 'string') return message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  return undefined;
}

function bodyErrorDetail(code: string, exception: HttpException): string {
  switch (code) {
    case 'REQUEST.MALFORMED_JSON': return 'The request body is not valid JSON';
    case 'REQUEST.TOO_LARGE': return 'The request body exceeds the size limit';
    case 'REQUEST.UNSUPPORTED_MEDIA_TYPE': return 'The request body charset is not supported';
    default: return exception.message;
  }
}

function actorOf(request: Request): { id: string; role: never } | undefined {
  const actor = (request as unknown as { actor?: { id: string; role: never } }).actor;
  return actor ? { id: actor.id, role: actor.role } : undefined;
}

function describe(exception: unknown): string {
  return exception instanceof Error ? `${exception.name}: ${exception.message}` : String(exception);
}
