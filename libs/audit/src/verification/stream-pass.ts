import { availableParallelism } from 'node:os';
import type { ClientConfig, Pool, PoolClient } from 'pg';
import { verifyStreamLinks } from './stream-links';
import { verifyContentRange, type PassResult, type PositionRange } from './stream-range';
import { runContentWorker } from './stream-worker-launcher';
import type { IssueCollector, VerificationProgress } from './verification.types';

/** From this many events on, the content hashes are recomputed in worker threads. */
export const PARALLEL_FROM_EVENTS = 100_000;
/** Below this many events each half is one plain query (no cursor, no transaction round trips). */
const SMALL_STORE = 20_000;

export interface StreamPassOptions {
  onProgress?: (progress: VerificationProgress) => void;
  /** Worker threads for the content hashes; default: the CPU count (max 4) from PARALLEL_FROM_EVENTS events on, else 0 (in process). */
  workers?: number;
}

/**
 * Recomputes every stream's chain in two concurrent halves that together check exactly what
 * a stream-by-stream walk does: the content hash of every event (verifyContentRange, the log
 * split by global position into one range per worker thread, so hashing runs on every core)
 * and every chain link, version gap, position order and stream head (verifyStreamLinks).
 */
export async function verifyStreams(pool: Pool, issues: IssueCollector, total: number, options: StreamPassOptions = {}): Promise<{ events: number; streams: number }> {
  const workers = options.workers ?? (total >= PARALLEL_FROM_EVENTS ? Math.min(4, availableParallelism()) : 0);
  const connection = workers > 0 ? connectionOf(pool) : null;
  let done = 0;
  const progress = (events: number) => {
    done += events;
    options.onProgress?.({ phase: 'streams', done, total });
  };
  const small = total < SMALL_STORE;
  const content = connection
    ? splitPositions(pool, workers).then((ranges) => Promise.all(ranges.map((range) => runContentWorker(connection, range, progress))))
    : withClient(pool, async (client) => [await verifyContentRange(client, { from: '0', to: null }, progress, small)]);
  const [links, hashed] = await Promise.all([withClient(pool, (client) => verifyStreamLinks(client, small)), content]);
  for (const result of [links, ...hashed]) merge(result, issues);
  return { events: hashed.reduce((n, r) => n + r.events, 0), streams: links.streams };
}

function merge(result: PassResult, issues: IssueCollector): void {
  for (const issue of result.issues) issues.add(issue);
  issues.count += result.issueCount - result.issues.length;
}

/** `parts` consecutive ranges of global positions with about as many positions each, covering every position. */
async function splitPositions(pool: Pool, parts: number): Promise<PositionRange[]> {
  const { rows } = await pool.query<{ lo: string | null; hi: string | null }>('SELECT min(global_position)::text AS lo, max(global_position)::text AS hi FROM events');
  const lo = BigInt(rows[0].lo ?? '0');
  const hi = BigInt(rows[0].hi ?? '0');
  const starts = ['0'];
  for (let i = 1n; i < BigInt(parts); i++) starts.push((lo + ((hi - lo + 1n) * i) / BigInt(parts)).toString());
  return starts.map((from, i) => ({ from, to: starts[i + 1] ?? null }));
}

async function withClient<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** The pool's connection settings when a worker can reuse them (not with a password callback). */
function connectionOf(pool: Pool): ClientConfig | null {
  const o = (pool as unknown as { options: ClientConfig }).options;
  if (typeof o.password === 'function') return null;
  const { connectionString, host, port, user, password, database, ssl } = o;
  const config = Object.fromEntries(Object.entries({ connectionString, host, port, user, password, database, ssl }).filter(([, v]) => v !== undefined));
  try {
    structuredClone(config);
    return config as ClientConfig;
  } catch {
    return null;
  }
}
