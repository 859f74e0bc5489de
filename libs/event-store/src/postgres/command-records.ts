import type { CommandRecord } from '../event-store.port';
import type { Queryable } from './event-reads';

interface CommandRow {
  key: string;
  request_hash: string;
  response: unknown;
  recorded_at: Date;
}

function toCommandRecord(row: CommandRow): CommandRecord {
  return { key: row.key, requestHash: row.request_hash, response: row.response, recordedAt: row.recorded_at };
}

/** JSON text of a response; bigints (e.g. global positions) become decimal strings. */
export function responseJson(response: unknown): string {
  return JSON.stringify(response ?? null, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

export async function findCommandWith(db: Queryable, key: string): Promise<CommandRecord | null> {
  const { rows } = await db.query<CommandRow>(
    'SELECT key, request_hash, response, recorded_at FROM commands WHERE key = $1',
    [key],
  );
  return rows[0] ? toCommandRecord(rows[0]) : null;
}

/**
 * Inserts a command record; returns null when the key is already taken (committed, or by a
 * concurrent transaction that then committed: ON CONFLICT waits for it).
 */
export async function insertCommandWith(
  db: Queryable,
  key: string,
  requestHash: string,
  response: unknown,
  recordedAt: Date,
): Promise<CommandRecord | null> {
  const { rows } = await db.query<CommandRow>(
    `INSERT INTO commands (key, request_hash, response, recorded_at) VALUES ($1, $2, $3::jsonb, $4)
     ON CONFLICT (key) DO NOTHING
     RETURNING key, request_hash, response, recorded_at`,
    [key, requestHash, responseJson(response), recordedAt],
  );
  return rows[0] ? toCommandRecord(rows[0]) : null;
}
