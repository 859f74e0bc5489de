import type { Pool, PoolClient } from 'pg';
import type { Projector } from './projector';

/**
 * Optional on a projector: indexes a full rebuild does without. Maintaining a large index row
 * by row while the whole log is replayed costs far more than building it once by sorting.
 * Both methods must be idempotent (IF EXISTS / only when missing); projecting must stay
 * correct without the indexes (exactly-once comes from the checkpoint, not from a unique key).
 */
export interface RebuildIndexes {
  /** Runs in the transaction that empties the projector's tables and resets its checkpoint. */
  dropIndexesForRebuild(tx: PoolClient): Promise<void>;
  /** Builds whatever is missing, after the replay. */
  restoreIndexesAfterRebuild(pool: Pool): Promise<void>;
}

/** Batches a rebuild applies at once, each on its own connection (plus one reading ahead). */
export const REPLAY_CONNECTIONS = 3;

/** How many batches the fastest projector of a rebuild may run ahead of the slowest. */
export const REPLAY_WINDOW = 4;

export function hasRebuildIndexes(projector: Projector): projector is Projector & RebuildIndexes {
  const candidate = projector as Partial<RebuildIndexes>;
  return typeof candidate.dropIndexesForRebuild === 'function' && typeof candidate.restoreIndexesAfterRebuild === 'function';
}

/**
 * One ordinary (synchronous) commit that writes the projectors' checkpoint rows without
 * changing them: its commit flushes the WAL up to itself, so every asynchronous commit before
 * it (the replay's batches) is durable once this returns.
 */
export async function flushAsyncCommits(pool: Pool, projectors: readonly Projector[]): Promise<void> {
  await pool.query('UPDATE subscription_checkpoints SET updated_at = updated_at WHERE name = ANY($1::text[])', [projectors.map((p) => p.name)]);
}
