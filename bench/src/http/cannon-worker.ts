/**
 * The load generator's own process (started by cannon.ts over IPC), so the engine's CPU and
 * RSS are measured without autocannon's. Receives one CannonJob, runs autocannon (saturation) or
 * pacedLoad (a fixed rate), streams the keys of 2xx responses back with their wall-clock time,
 * then sends the result and exits.
 */
import type { CannonJob, CannonResult, WorkerMessage } from './cannon-protocol';
import { pacedLoad } from './paced-load';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: Record<string, unknown>, done: (error: unknown, result: CannonResult) => void) => { stop(): void };

function send(message: WorkerMessage): void {
  process.send?.(message);
}

function run(job: CannonJob): void {
  let consumed = 0;
  let last: { key: string; path: string } | null = null;
  let stopping = false;
  let created: [string, number][] = [];
  const flush = setInterval(() => {
    if (created.length > 0) send({ type: 'created', items: created });
    created = [];
  }, 20);
  const next = (): { key: string; path: string } | null => {
    const { requests } = job;
    if (requests.kind === 'sequence') return { key: `${requests.keyPrefix}${requests.start + consumed++}`, path: requests.path };
    if (consumed >= requests.paths.length) return null;
    const index = consumed++;
    return { key: `${requests.keyPrefix}${requests.start + index}`, path: requests.paths[index] };
  };
  if (job.overallRate) {
    // A fixed rate: paced requests (see pacedLoad for why not autocannon's overallRate).
    void pacedLoad({ ...job, overallRate: job.overallRate }, next, (key, status) => {
      if (status >= 200 && status < 300) created.push([key, performance.timeOrigin + performance.now()]);
    }).then((result) => {
      clearInterval(flush);
      if (created.length > 0) send({ type: 'created', items: created });
      send({ type: 'done', result, consumed, rssBytes: process.memoryUsage().rss });
      process.disconnect?.();
    });
    return;
  }
  const instance = autocannon(
    {
      url: job.url,
      connections: job.connections,
      duration: job.durationSeconds,
      ...(job.amount !== undefined ? { amount: job.amount } : {}),
      requests: [
        {
          method: job.method,
          headers: job.headers,
          body: job.body,
          setupRequest: (request: Record<string, unknown>, context: Record<string, unknown>) => {
            const item = next();
            if (!item && !stopping) {
              stopping = true;
              setImmediate(() => instance.stop());
            }
            // When exhausted, the few requests still sent repeat the last one: an idempotent retry.
            const { key, path } = item ?? last ?? { key: 'exhausted', path: '/health' };
            last = { key, path };
            context.key = key;
            return { ...request, path, headers: { ...(request.headers as Record<string, string>), 'idempotency-key': key } };
          },
          onResponse: (status: number, _body: unknown, context: Record<string, unknown>) => {
            if (status >= 200 && status < 300) created.push([context.key as string, performance.timeOrigin + performance.now()]);
          },
        },
      ],
    },
    (error, result) => {
      clearInterval(flush);
      if (created.length > 0) send({ type: 'created', items: created });
      send(error ? { type: 'failed', message: String(error) } : { type: 'done', result, consumed, rssBytes: process.memoryUsage().rss });
      process.disconnect?.();
    },
  );
}

process.once('message', (job: CannonJob) => run(job));
