import type { NextFunction, Request, Response } from 'express';
import { CodedHttpException } from './coded-http.exception';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);
/** The one exception: the evaluation import takes text/csv (its own parser and size limit: DisciplineModule). */
const TEXT_CSV_PATHS = new Set(['/evaluations/import']);
/** And evidence upload takes multipart/form-data (multer, its own size and type limits: EvidenceModule). */
const MULTIPART_PATHS = new Set(['/evidence']);

/** Rule: a request body on the API must be JSON (application/json or application/*+json); else 415. */
export function jsonOnly(request: Request, _response: Response, next: NextFunction): void {
  if (!BODY_METHODS.has(request.method) || !hasBody(request)) return next();
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return next();
  if (type === 'text/csv' && request.method === 'POST' && TEXT_CSV_PATHS.has(request.path)) return next();
  if (type === 'multipart/form-data' && request.method === 'POST' && MULTIPART_PATHS.has(request.path)) return next();
  next(new CodedHttpException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', `Content-Type must be application/json (got '${type || 'none'}')`));
}

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
