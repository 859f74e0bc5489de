import type { Pool } from 'pg';
import { EVENT_STORE_SCHEMA_SQL } from './event-store.schema';
import { applySchemaOnce } from './schema-migration';

/**
 * Creates or completes the event store schema (events, streams, commands,
 * subscription_checkpoints, immutability and notify triggers). Runs its DDL only when the
 * schema text changed (see applySchemaOnce), so booting beside running engines takes no locks.
 */
export async function migratePostgresEventStore(pool: Pool): Promise<void> {
  await applySchemaOnce(pool, 'event-store', [EVENT_STORE_SCHEMA_SQL]);
}
