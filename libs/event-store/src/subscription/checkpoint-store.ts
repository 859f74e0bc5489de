import type { ClientBase, Pool, PoolClient, QueryResult } from 'pg';
import { LOG_START, type LogPosition } from '../event-store.port';
import type { Queryable } from '../postgres/event-reads';
import { withTransaction } from '../postgres/pg-transaction';

interface CheckpointRow {
  name: string;
  commit: string;
  prepare: string;
  updated_at: Date;
  last_error: string | null;
  error_commit: string | null;
  error_prepare: string | null;
  failed_attempts: number;
}

export interface CheckpointState {
  position: LogPosition;
  updatedAt: Date;
  lastError: string | null;
  errorPosition: LogPosition | null;
  failedAttempts: number;
}

const COLUMNS = `name, commit::text AS commit, prepare::text AS prepare, updated_at, last_error,
  error_commit::text AS error_commit, error_prepare::text AS error_prepare, failed_attempts`;

function toState(row: CheckpointRow): CheckpointState {
  const failed = row.error_commit !== null && row.error_prepare !== null;
  return {
    position: { commit: BigInt(row.commit), prepare: BigInt(row.prepare) },
    updatedAt: row.updated_at,
    lastError: row.last_error,
    errorPosition: failed ? { commit: BigInt(row.error_commit!), prepare: BigInt(row.error_prepare!) } : null,
    failedAttempts: row.failed_attempts,
  };
}

export async function ensureCheckpoint(db: Queryable, name: string): Promise<void> {
  await db.query('INSERT INTO subscription_checkpoints (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
}

/**
 * Locks the checkpoint for the rest of the transaction, then reads it: instances of one
 * subscription take turns. The lock is a transaction-level advisory lock keyed by the
 * checkpoint table (a service's own schema has its own) and the name, not a row lock: a row
 * lock would give the transaction an xid at once, and a transaction holding an xid holds back
 * the gap-free horizon (pg_snapshot_xmin) for every reader on the server. A batch that reads
 * and decides for a while (a reaction running commands on other connections) would delay all
 * projections by that long. The read is a separate statement, so its snapshot is taken after
 * the lock is granted and sees the previous holder's committed checkpoint.
 */
export async function lockCheckpoint(tx: ClientBase, name: string): Promise<LogPosition> {
  await tx.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY_SQL('$1')})`, [name]);
  const { rows } = await tx.query<CheckpointRow>(`SELECT ${COLUMNS} FROM subscription_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? toState(rows[0]).position : LOG_START;
}

/** The advisory lock key of a checkpoint: the checkpoint table (per schema) and the name. */
const LOCK_KEY_SQL = (name: string): string => `hashtextextended('subscription_checkpoints'::regclass::oid::text || ':' || ${name}, 0)`;

/**
 * BEGIN + lockCheckpoint in ONE round trip: a multi-statement simple query (the name as an
 * escaped literal, since the simple protocol takes no parameters). Each statement of it takes
 * its own snapshot, so the read after the lock sees the previous holder's commit.
 */
export async function beginAndLockCheckpoint(client: ClientBase, name: string): Promise<LogPosition> {
  const literal = client.escapeLiteral(name);
  const results = (await client.query(
    `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_KEY_SQL(literal)}); SELECT ${COLUMNS} FROM subscription_checkpoints WHERE name = ${literal}`,
  )) as unknown as QueryResult<CheckpointRow>[];
  const rows = results[2].rows;
  return rows[0] ? toState(rows[0]).position : LOG_START;
}

/** saveCheckpoint + COMMIT in ONE round trip (positions are integers, the name an escaped literal). */
export async function saveCheckpointAndCommit(client: ClientBase, name: string, position: LogPosition): Promise<void> {
  await client.query(
    `UPDATE subscription_checkpoints
        SET commit = '${position.commit.toString()}'::xid8, prepare = ${position.prepare.toString()}, updated_at = now(),
            last_error = NULL, error_commit = NULL, error_prepare = NULL, failed_attempts = 0
      WHERE name = ${client.escapeLiteral(name)}; COMMIT`,
  );
}

export async function readCheckpoint(db: Queryable, name: string): Promise<CheckpointState | null> {
  const { rows } = await db.query<CheckpointRow>(`SELECT ${COLUMNS} FROM subscription_checkpoints WHERE name = $1`, [name]);
  return rows[0] ? toState(rows[0]) : null;
}

/** Advances the checkpoint and clears the error state (inside the handler's transaction). */
export async function saveCheckpoint(tx: ClientBase, name: string, position: LogPosition): Promise<void> {
  await tx.query(
    `UPDATE subscription_checkpoints
        SET commit = $2::text::xid8, prepare = $3, updated_at = now(),
            last_error = NULL, error_commit = NULL, error_prepare = NULL, failed_attempts = 0
      WHERE name = $1`,
    [name, position.commit.toString(), position.prepare.toString()],
  );
}

export async function recordFailure(db: Queryable, name: string, error: unknown, at: LogPosition | null): Promise<void> {
  await db.query(
    `UPDATE subscription_checkpoints
        SET last_error = $2, error_commit = $3::text::xid8, error_prepare = $4,
            failed_attempts = failed_attempts + 1, updated_at = now()
      WHERE name = $1`,
    [name, describeError(error), at?.commit.toString() ?? null, at?.prepare.toString() ?? null],
  );
}

export async function resetCheckpoint(db: Queryable, name: string): Promise<void> {
  await db.query(
    `INSERT INTO subscription_checkpoints (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET commit = '0', prepare = 0, updated_at = now(),
       last_error = NULL, error_commit = NULL, error_prepare = NULL, failed_attempts = 0`,
    [name],
  );
}

/**
 * Back to LOG_START (rebuild). `clearEffects` runs in the same transaction, with the checkpoint
 * locked, so no instance of the subscription can write between the clearing of its effects and
 * the reset of its position.
 */
export async function resetWithEffects(pool: Pool, name: string, clearEffects?: (tx: PoolClient) => Promise<void>): Promise<void> {
  await ensureCheckpoint(pool, name);
  await withTransaction(pool, async (tx) => {
    await lockCheckpoint(tx, name);
    await clearEffects?.(tx);
    await resetCheckpoint(tx, name);
  });
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
