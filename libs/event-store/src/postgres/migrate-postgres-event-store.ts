import type { Pool } from 'pg';
import { EVENT_STORE_SCHEMA_SQL } from './event-store.schema';
import { withTransaction } from './pg-transaction';

/** Arbitrary constant key of the advisory lock that serialises concurrent migrations. */
const MIGRATION_LOCK_KEY = 7_318_402_611;

/**
 * Creates or completes the event store schema (events, streams, commands,
 * subscription_checkpoints, immutability and notify triggers). Idempotent; concurrent boots
 * wait on a transaction-scoped advisory lock so they never race on CREATE ... IF NOT EXISTS.
 */
export async function migratePostgresEventStore(pool: Pool): Promise<void> {
  await withTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(EVENT_STORE_SCHEMA_SQL);
  });
}
