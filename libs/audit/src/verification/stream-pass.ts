import { availableParallelism } from 'node:os';
import type { ClientConfig, Pool, PoolClient } from 'pg';
import { joinRangeChains, type StreamHead } from './stream-chains';
import { verifyStreamLinks } from './stream-links';
import { verifyStreamRange, type PassResult, type PositionRange, type RangeResult } from './stream-range';
import { runRangeWorker } from './stream-worker-launcher';
import type { IssueCollector, VerificationProgress } from './verification.types';

/** From this many events on, the ranges are checked in worker threads. */
export const PARALLEL_FROM_EVENTS = 100_000;
/** Below this many events each query returns its rows at once (no cursor round trips). */
const SMALL_STORE = 20_000;

export interface StreamPassOptions {
  onProgress?: (progress: VerificationProgress) => void;
  /** Worker threads (one range of positions each); default: the CPU count (max 4) from PARALLEL_FROM_EVENTS events on, else 0 (in process). */
  workers?: number;
}

/**
 * Recomputes every stream's chain, all of it as of ONE snapshot (exported by a coordinating
 * transaction and imported by every reader). The log is split by global position into one
 * range per worker thread (hashing runs on every core); each range recomputes every event's
 * content hash and checks its streams' links in position order (verifyStreamRange); the
 * ranges' first and last events per stream are joined and compared with the stream heads
 * (joinRangeChains). Only when some stream is not exactly as the store appends it does the
 * exact link walk (verifyStreamLinks: versions, gaps, positions and heads, stream by stream in
 * version order) run, to name every link issue precisely.
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
  return withClient(pool, async (coordinator) => {
    await coordinator.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    try {
      const snapshot = (await coordinator.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
      const heads = await loadHeads(coordinator);
      const ranges: RangeResult[] = connection
        ? await Promise.all((await splitPositions(coordinator, workers)).map((range) => runRangeWorker(connection, range, snapshot, progress)))
        : [await withClient(pool, (client) => verifyStreamRange(client, { from: '0', to: null }, snapshot, progress))];
      for (const result of ranges) merge(result, issues);
      const joined = joinRangeChains(ranges, heads);
      if (joined.suspect) merge(await withClient(pool, (client) => verifyStreamLinks(client, snapshot, small)), issues);
      return { events: ranges.reduce((n, r) => n + r.events, 0), streams: joined.streams };
    } finally {
      await coordinator.query('COMMIT');
    }
  });
}

function merge(result: PassResult, issues: IssueCollector): void {
  for (const issue of result.issues) issues.add(issue);
  issues.count += result.issueCount - result.issues.length;
}

async function loadHeads(db: PoolClient): Promise<Map<string, StreamHead>> {
  const { rows } = await db.query<{ stream_id: string; version: number; last_hash: string }>(
    `SELECT stream_id, version, encode(last_hash, 'hex') AS last_hash FROM streams`,
  );
  return new Map(rows.map((r) => [r.stream_id, { version: r.version, lastHash: r.last_hash }]));
}

/** `parts` consecutive ranges of global positions with about as many positions each, covering every position. */
async function splitPositions(db: PoolClient, parts: number): Promise<PositionRange[]> {
  const { rows } = await db.query<{ lo: string | null; hi: string | null }>('SELECT min(global_position)::text AS lo, max(global_position)::text AS hi FROM events');
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
