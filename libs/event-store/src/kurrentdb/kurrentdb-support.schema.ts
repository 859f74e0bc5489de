import type { Pool } from 'pg';
import { migratePostgresEventStore } from '../postgres/migrate-postgres-event-store';

/**
 * PostgreSQL side of the KurrentDB adapter. KurrentDB holds the events; PostgreSQL keeps what
 * KurrentDB cannot promise across restarts or streams:
 * - `commands` (idempotency keys and responses) and `subscription_checkpoints`: the same tables
 *   as the PostgreSQL adapter (created by its migration; its `events` table stays empty);
 * - `kurrentdb_event_ids`: every event id this adapter wrote, with its stream and version.
 *   KurrentDB deduplicates ids only per stream and only in an in-memory cache, so a global
 *   unique index is the only way to refuse an id already used in another stream.
 */
export const KURRENTDB_SUPPORT_SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS kurrentdb_event_ids (
  event_id  uuid    PRIMARY KEY,
  stream_id text    NOT NULL,
  version   integer NOT NULL CHECK (version >= 1)
);
`;

export async function migrateKurrentDbSupport(pool: Pool): Promise<void> {
  await migratePostgresEventStore(pool);
  await pool.query(KURRENTDB_SUPPORT_SCHEMA_SQL);
}
