import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  KurrentDbEventStore, PostgresEventStore, connectKurrentDb, isKurrentDbUrl, migrateKurrentDbSupport, type EventStore,
} from '@rectify/event-store';
import { ConfigError } from '../config/config-error';

/**
 * EVENTSTORE_URL chooses the event store adapter (documented in .env.example and
 * docs/operations.md). Unset or `postgres` → PostgreSQL (the default: events in the same
 * database as everything else). `kurrentdb://…` (or kurrentdb+discover://, esdb://) → KurrentDB
 * for events; PostgreSQL still holds command records, the event-id index, checkpoints, read
 * models and timers. Read here rather than in EngineConfig so that this choice stays one
 * small, self-contained change.
 */
export type EventStoreSelection = { kind: 'postgres' } | { kind: 'kurrentdb'; url: string };

export function eventStoreSelectionFromEnv(env: NodeJS.ProcessEnv): EventStoreSelection {
  const url = env.EVENTSTORE_URL?.trim();
  if (!url || url === 'postgres') return { kind: 'postgres' };
  if (isKurrentDbUrl(url)) return { kind: 'kurrentdb', url };
  throw new ConfigError([`EVENTSTORE_URL must be unset, 'postgres' or a kurrentdb:// connection string (got '${url.replace(/\/\/[^@/]*@/, '//***@')}')`]);
}

export interface OpenedEventStore {
  store: EventStore;
  close(): Promise<void>;
}

/** Opens the selected adapter; the PostgreSQL schema (commands, checkpoints) is migrated first by the caller. */
export async function openEventStore(selection: EventStoreSelection, pool: Pool, now: () => Date): Promise<OpenedEventStore> {
  if (selection.kind === 'postgres') return { store: new PostgresEventStore(pool, now), close: async () => undefined };
  await migrateKurrentDbSupport(pool);
  const client = await connectKurrentDb(selection.url);
  new Logger('EventSourcing').warn(
    'events are stored in KurrentDB (EVENTSTORE_URL); projections read its $all, but the workflow runtime and the audit witness still read the PostgreSQL log — see docs/scale-out.md',
  );
  return { store: new KurrentDbEventStore(client, pool, now), close: () => client.dispose() };
}
