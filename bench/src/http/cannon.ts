// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>, done: (error: unknown, result: CannonResult) => void) => { stop(): void };

export interface CannonResult {
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  latency: { p50: number; p99: number; average: number; max: number };
  requests: { average: number; total: number };
}

export interface CannonRun {
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
  /** Per request: its Idempotency-Key and path (unique per request); null = nothing left, stop. */
  next: () => { key: string; path: string } | null;
  onResponse?: (status: number, key: string) => void;
}

/** autocannon in this process; each request gets its own Idempotency-Key (setupRequest). */
export function cannon(run: CannonRun): Promise<CannonResult> {
  return new Promise((resolve, reject) => {
    let last: { key: string; path: string } | null = null;
    let stopping = false;
    const instance = autocannon(
      {
        url: run.url,
        connections: run.connections,
        duration: run.durationSeconds,
        ...(run.amount !== undefined ? { amount: run.amount } : {}),
        ...(run.overallRate ? { overallRate: run.overallRate } : {}),
        requests: [
          {
            method: run.method,
            headers: run.headers,
            body: run.body,
            setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
              const next = run.next();
              if (!next && !stopping) {
                stopping = true;
                setImmediate(() => instance.stop());
              }
              // When exhausted, the few requests still sent repeat the last one: an idempotent retry.
              const { key, path } = next ?? last ?? { key: 'exhausted', path: '/health' };
              last = { key, path };
              context.key = key;
              return { ...request, path, headers: { ...(request.headers as Record<string, string>), 'idempotency-key': key } };
            },
            onResponse: (status: number, _body: unknown, context: Record<string, unknown>) => run.onResponse?.(status, context.key as string),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}
