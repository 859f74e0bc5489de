import { existsSync, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { NextFunction, Request, Response } from 'express';

/** Paths the web app never answers: the API, the OpenAPI UI and JSON, and health. */
export const RESERVED_PREFIXES = ['/api', '/docs', '/health'] as const;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function isReserved(path: string): boolean {
  return RESERVED_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}-`));
}

/**
 * Serves the built web app from `root`. Rules: only GET/HEAD; never a reserved path (those
 * fall through to Nest's problem+json 404); a file under root is sent as is (hashed
 * /assets/* are immutable, everything else is revalidated); any other path without a file
 * extension, asked for by a browser (Accept: text/html), is a client-side route and gets
 * index.html (SPA fallback). Paths outside root
 * (`..`) are refused by normalisation and fall through.
 */
export function webStaticHandler(root: string) {
  const base = resolve(root);
  return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const path = decodePath(request.path);
    if (path === null || isReserved(path) || !existsSync(base)) return next();
    const candidate = normalize(join(base, path));
    if (candidate !== base && !candidate.startsWith(base + sep)) return next();
    try {
      if (path !== '/' && (await isFile(candidate))) return send(response, request, candidate, path.startsWith('/assets/'));
      if (extname(path) !== '' && path !== '/') return next();
      // Client-side routes are for browsers; API clients get the problem+json 404.
      if (path !== '/' && !acceptsHtml(request)) return next();
      const index = join(base, 'index.html');
      if (!(await isFile(index))) return next();
      return send(response, request, index, false);
    } catch (error) {
      next(error);
    }
  };
}

function acceptsHtml(request: Request): boolean {
  return /\btext\/html\b/.test(request.headers.accept ?? '');
}

function decodePath(path: string): string | null {
  try {
    const decoded = decodeURIComponent(path);
    return decoded.includes('\0') ? null : decoded;
  } catch {
    return null;
  }
}

async function isFile(file: string): Promise<boolean> {
  const stat = await fs.stat(file).catch(() => null);
  return stat?.isFile() ?? false;
}

async function send(response: Response, request: Request, file: string, immutable: boolean): Promise<void> {
  const body = await fs.readFile(file);
  response.setHeader('Content-Type', CONTENT_TYPES[extname(file)] ?? 'application/octet-stream');
  response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Content-Length', String(body.length));
  response.status(200);
  if (request.method === 'HEAD') response.end();
  else response.end(body);
}
