import type { ClientBase } from 'pg';
import { LOG_START, type LogPosition } from '../event-store.port';
import type { Queryable } from '../postgres/event-reads';

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

/** Reads and row-locks the checkpoint: instances of one subscription take turns. */
export async function lockCheckpoint(tx: ClientBase, name: string): Promise<LogPosition> {
  const { rows } = await tx.query<CheckpointRow>(
    `SELECT ${COLUMNS} FROM subscription_checkpoints WHERE name = $1 FOR UPDATE`,
    [name],
  );
  return rows[0] ? toState(rows[0]).position : LOG_START;
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

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
