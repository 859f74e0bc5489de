import type { ClientBase, Pool } from 'pg';
import type { CommandRecord } from '../event-store.port';

/** A pool or a client inside a transaction. */
export type Db = Pool | ClientBase;

interface CommandRow {
  key: string;
  request_hash: string;
  response: unknown;
  recorded_at: Date;
}

const toRecord = (row: CommandRow): CommandRecord => ({
  key: row.key,
  requestHash: row.request_hash,
  response: row.response,
  recordedAt: row.recorded_at,
});

/** JSON text of a response; bigints become decimal strings (as in the PostgreSQL adapter). */
export function responseJson(response: unknown): string {
  return JSON.stringify(response ?? null, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

export async function findCommand(db: Db, key: string): Promise<CommandRecord | null> {
  const { rows } = await db.query<CommandRow>('SELECT key, request_hash, response, recorded_at FROM commands WHERE key = $1', [key]);
  return rows[0] ? toRecord(rows[0]) : null;
}

/** Inserts the record; null when the key is taken (ON CONFLICT waits for a concurrent writer). */
export async function insertCommand(
  db: Db,
  key: string,
  requestHash: string,
  response: unknown,
  recordedAt: Date,
): Promise<CommandRecord | null> {
  const { rows } = await db.query<CommandRow>(
    `INSERT INTO commands (key, request_hash, response, recorded_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (key) DO NOTHING RETURNING key, request_hash, response, recorded_at`,
    [key, requestHash, responseJson(response), recordedAt],
  );
  return rows[0] ? toRecord(rows[0]) : null;
}

/**
 * Transaction-scoped advisory lock on a name (a stream or a command key), so appends through
 * any number of adapter instances sharing this PostgreSQL take turns per stream and per key.
 */
export async function lockName(tx: ClientBase, name: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [name]);
}

export interface ClaimedId {
  eventId: string;
  streamId: string;
  version: number;
}

export async function findClaimedIds(db: Db, ids: readonly string[]): Promise<ClaimedId[]> {
  const { rows } = await db.query<{ event_id: string; stream_id: string; version: number }>(
    'SELECT event_id::text, stream_id, version FROM kurrentdb_event_ids WHERE event_id = ANY($1::uuid[])',
    [[...ids]],
  );
  return rows.map((row) => ({ eventId: row.event_id, streamId: row.stream_id, version: row.version }));
}

/**
 * Claims ids for (stream, version) before the KurrentDB append, in the transaction that
 * commits after it. An id claimed by a concurrent append to another stream makes this wait
 * for that transaction, then fail with a unique violation (23505): never two streams.
 */
export async function claimIds(tx: ClientBase, claims: readonly ClaimedId[]): Promise<void> {
  if (claims.length === 0) return;
  await tx.query(
    `INSERT INTO kurrentdb_event_ids (event_id, stream_id, version)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[])`,
    [claims.map((c) => c.eventId), claims.map((c) => c.streamId), claims.map((c) => c.version)],
  );
}
