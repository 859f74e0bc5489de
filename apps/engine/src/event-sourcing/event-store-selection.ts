import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  KurrentDbCheckpointedSubscription, KurrentDbEventStore, KurrentDbWakeUp, PostgresEventStore, connectKurrentDb, isKurrentDbUrl,
  migrateKurrentDbSupport, type CheckpointedSubscriptionOptions, type EventStore, type EventWakeUp,
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
  /** How consumers follow the log; undefined on PostgreSQL (see LogFollowing). */
  following?: LogFollowing;
  close(): Promise<void>;
}

/**
 * Following a log that is not PostgreSQL's `events` table: every checkpointed consumer
 * (projections, process managers, notifications, the audit witness, the Kafka relay) builds its
 * subscription with `subscription` (it reads the EventStore port's readAll; effects and the
 * checkpoint still commit in one PostgreSQL transaction) and is woken by `wakeUp`. On PostgreSQL
 * there is none: consumers keep CheckpointedSubscription and NOTIFY, exactly as before.
 */
export interface LogFollowing {
  subscription: (options: CheckpointedSubscriptionOptions) => KurrentDbCheckpointedSubscription;
  wakeUp: EventWakeUp;
}

/** Consumers built through `following` read only the port's readAll, never the events table. */
export function followingThroughPort(store: EventStore, wakeUp: EventWakeUp): LogFollowing {
  return { subscription: (options) => new KurrentDbCheckpointedSubscription({ ...options, store }), wakeUp };
}

/** Opens the selected adapter; the PostgreSQL schema (commands, checkpoints) is migrated first by the caller. */
export async function openEventStore(selection: EventStoreSelection, pool: Pool, now: () => Date): Promise<OpenedEventStore> {
  if (selection.kind === 'postgres') return { store: new PostgresEventStore(pool, now), close: async () => undefined };
  await migrateKurrentDbSupport(pool);
  const client = await connectKurrentDb(selection.url);
  const store = new KurrentDbEventStore(client, pool, now);
  const wakeUp = new KurrentDbWakeUp(client);
  wakeUp.start();
  new Logger('EventSourcing').warn(
    'events are stored in KurrentDB (EVENTSTORE_URL): projections, process managers, discipline reactions, notifications, the witness and the relay follow its $all; ' +
      'process managers read and append their own streams through it; checkpoints, timers and read models stay in PostgreSQL — see docs/scale-out.md',
  );
  return {
    store,
    following: followingThroughPort(store, wakeUp),
    close: async () => {
      await wakeUp.stop();
      await client.dispose();
    },
  };
}
