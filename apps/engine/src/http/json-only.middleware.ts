import type { NextFunction, Request, Response } from 'express';
import { CodedHttpException } from './coded-http.exception';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** Rule: a request body on the API must be JSON (application/json or application/*+json); else 415. */
export function jsonOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return next();
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return next();
  next(new CodedHttpException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json (got '${type || 'none'}')`));
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
