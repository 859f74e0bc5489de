/** Messages between cannon.ts (the engine's process) and cannon-worker.ts (autocannon's). */

export interface CannonResult {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
}

/**
 * What each request carries: its Idempotency-Key (`keyPrefix` + index from `start`) and path —
 * one path for all (`sequence`, endless) or one per request (`list`, stops when used up).
 */
export type CannonRequests =
  | { kind: 'sequence'; keyPrefix: string; start: number; path: string }
  | { kind: 'list'; keyPrefix: string; start: number; paths: string[] };

export interface CannonJob {
  url: string;
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  connections: number;
  durationSeconds: number;
  /** Requests per second from all connections; unset = saturation. */
  overallRate?: number;
  /** Stop after this many requests. */
  amount?: number;
  requests: CannonRequests;
}

export type WorkerMessage =
  /** 2xx responses: [Idempotency-Key, wall-clock ms (performance.timeOrigin + now)]. */
  | { type: 'created'; items: [string, number][] }
  | { type: 'done'; result: CannonResult; consumed: number; rssBytes: number }
  | { type: 'failed'; message: string };
