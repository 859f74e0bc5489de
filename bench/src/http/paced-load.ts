import { Agent, request } from 'node:http';
import type { CannonJob, CannonResult } from './cannon-protocol';

export interface PacedRequest {
  key: string;
  path: string;
}

/**
 * A fixed request rate as an open model: request i is due at start + i / rate, whether or not
 * earlier ones have answered, on up to `connections` keep-alive sockets (a request due while
 * every socket is busy waits for one). Its latency counts from when it was due, so waiting —
 * in the engine or for a socket — is measured, not hidden (no coordinated omission).
 *
 * autocannon's overallRate is not that: each connection sends its share of a second's requests
 * back to back when the second starts, so a "100/s" run is a burst of 64 requests every second,
 * and its p99 is the time to drain the burst.
 */
export function pacedLoad(
  job: CannonJob & { overallRate: number },
  next: () => PacedRequest | null,
  onResponse: (key: string, status: number) => void,
): Promise<CannonResult> {
  const url = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.connections });
  const intervalMs = 1000 / job.overallRate;
  const total = Math.min(job.amount ?? Infinity, Math.floor(job.durationSeconds * job.overallRate));
  const latencies: number[] = [];
  const counts = { ok: 0, non2xx: 0, errors: 0 };
  const started = performance.now();
  let sent = 0;
  let finished = 0;

  return new Promise((resolve) => {
    const done = () => {
      agent.destroy();
      const duration = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? 0;
      resolve({
        duration,
        '2xx': counts.ok,
        non2xx: counts.non2xx,
        errors: counts.errors,
        timeouts: 0,
        latency: { p50: at(50), p99: at(99), average: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length), max: at(100) },
        requests: { average: counts.ok / duration, total: sent },
      });
    };
    const settle = (due: number, key: string, status: number | null) => {
      latencies.push(performance.now() - due);
      if (status === null) counts.errors += 1;
      else if (status >= 200 && status < 300) counts.ok += 1;
      else counts.non2xx += 1;
      if (status !== null) onResponse(key, status);
      if (++finished === sent && stopped) done();
    };
    let stopped = false;
    const fire = (item: PacedRequest, due: number) => {
      const body = Buffer.from(job.body);
      const req = request(
        { host: url.hostname, port: url.port, path: item.path, method: job.method, agent, headers: { ...job.headers, 'content-length': body.length, 'idempotency-key': item.key } },
        (res) => {
          res.resume();
          res.on('end', () => settle(due, item.key, res.statusCode ?? 0));
        },
      );
      req.on('error', () => settle(due, item.key, null));
      req.end(body);
    };
    const tick = () => {
      const now = performance.now();
      while (sent < total && started + sent * intervalMs <= now) {
        const item = next();
        if (!item) break;
        fire(item, started + sent * intervalMs);
        sent += 1;
      }
      const exhausted = sent >= total || started + sent * intervalMs <= now; // next() returned null
      if (exhausted) {
        stopped = true;
        if (finished === sent) done();
        return;
      }
      setTimeout(tick, Math.max(0, started + sent * intervalMs - performance.now()));
    };
    tick();
  });
}
