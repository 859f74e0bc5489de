import { createTestDatabase } from '@rectify/testing';
import { Pool } from 'pg';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';

describeEventStoreContract('PostgresEventStore', async () => {
  const pool = new Pool({ connectionString: await createTestDatabase('event_store_contract'), max: 12 });
  await migratePostgresEventStore(pool);
  return { store: new PostgresEventStore(pool), teardown: () => pool.end() };
});
