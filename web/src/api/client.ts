import { ApiError } from './problem';

export const API = '/api/v1';

type TokenSource = () => string | null;
let tokenSource: TokenSource = () => null;
let onUnauthenticated: () => void = () => undefined;

/** The session supplies the bearer token; a 401 signs the user out. */
export function configureClient(source: TokenSource, unauthenticated: () => void): void {
  tokenSource = source;
  onUnauthenticated = unauthenticated;
}

/** A fresh Idempotency-Key per submission: a retry of the same submission reuses it. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  body?: unknown;
  idempotencyKey?: string;
  ifMatch?: number;
  /** Multipart upload instead of JSON. */
  form?: FormData;
}

/**
 * Read-your-writes: commands answer with the resource as written, while GETs read
 * eventually consistent read models. The latest written copy of each resource (by id and
 * version) answers a GET that finds nothing yet (404) or an older version.
 */
const written = new Map<string, { version: number }>();

function remember(body: unknown): void {
  const resource = body as { id?: unknown; version?: unknown; inspectionId?: unknown; memberIds?: unknown } | null;
  if (!resource || typeof resource.id !== 'string' || typeof resource.version !== 'number') return;
  const collection = Array.isArray(resource.memberIds) ? 'inspections' : typeof resource.inspectionId === 'string' ? 'findings' : null;
  if (collection) written.set(`${collection}/${resource.id}`, resource as { version: number });
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const fresh = written.get(path);
  try {
    const result = await send<T>(path, options);
    if (options.body !== undefined || options.form) remember(result);
    const version = (result as { version?: unknown } | null)?.version;
    if (fresh && typeof version === 'number' && version < fresh.version) return fresh as T;
    return result;
  } catch (error) {
    if (fresh && error instanceof ApiError && error.status === 404) return fresh as T;
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const token = tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  const method = options.method ?? (options.body !== undefined || options.form ? 'POST' : 'GET');
  if (method !== 'GET') headers['Idempotency-Key'] = options.idempotencyKey ?? newIdempotencyKey();
  if (options.ifMatch !== undefined) headers['If-Match'] = String(options.ifMatch);
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path.startsWith('/') ? path : `${API}/${path}`, { method, headers, body });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (response.status === 401 && token) onUnauthenticated();
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

async function toApiError(response: Response): Promise<ApiError> {
  try {
    const problem = (await response.json()) as { code?: string; detail?: string; errors?: { field: string; message: string }[] };
    return new ApiError(response.status, problem.code ?? `HTTP.${response.status}`, problem.detail ?? response.statusText, problem.errors ?? []);
  } catch {
    return new ApiError(response.status, `HTTP.${response.status}`, response.statusText);
  }
}

/**
 * For endpoints other issues are still building: null when the route does not exist yet
 * (404 ROUTE.NOT_FOUND or 405), the body otherwise. A 404 for a missing resource still throws.
 */
export async function probe<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path);
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'ROUTE.NOT_FOUND' || error.status === 405 || error.code === 'HTTP.404')) return null;
    throw error;
  }
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}

/** Downloads a protected file (bearer token) as a Blob; problem+json errors become ApiError. */
export async function fetchBlob(path: string): Promise<Blob> {
  const headers: Record<string, string> = {};
  const token = tokenSource();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(path.startsWith('/') ? path : `${API}/${path}`, { headers });
  } catch (error) {
    throw new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await toApiError(response);
  return response.blob();
}
