import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import {
  EVENT_STORE,
  PgNotificationWakeUp,
  migratePostgresEventStore,
  type EventStore,
  type SubscriptionStatus,
} from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels } from '@rectify/read-models';
import { CLOCK, CommandRunner, type Clock } from '@rectify/workflow';
import { EVENT_STORE_POOL, PG_POOL, SERVICE_STORAGE, type ServiceStorage } from '../database';
import { engineClockProvider } from '../workflow/clock/engine-clock';
import { SUBSCRIPTION_HEALTH, type SubscriptionHealth } from '../health';
import { eventStoreSelectionFromEnv, openEventStore, type LogFollowing, type OpenedEventStore } from './event-store-selection';
import { LOG_FOLLOWING, OPENED_EVENT_STORE, PROJECTION_RUNNER } from './event-sourcing.tokens';
import { servedReadModels } from './served-read-models';

const logger = new Logger('EventSourcing');
const WAKE_UP = Symbol('WAKE_UP');

/**
 * The event store, the idempotent command runner and the read-model projections.
 * Schemas are migrated before anything uses the pool; projections start after bootstrap.
 * The event store works on EVENT_STORE_POOL (public); read models on PG_POOL (a separate
 * service's own schema; the same pool in the all-in-one engine).
 */
@Global()
@Module({
  imports: [CqrsModule.forRoot()],
  providers: [
    engineClockProvider, // CLOCK: real time, or CLOCK=manual in dev mode
    {
      // EVENTSTORE_URL picks the adapter (PostgreSQL by default; see event-store-selection.ts).
      provide: OPENED_EVENT_STORE,
      inject: [EVENT_STORE_POOL, PG_POOL, CLOCK],
      useFactory: async (eventStorePool: Pool, pool: Pool, clock: Clock): Promise<OpenedEventStore> => {
        await migratePostgresEventStore(eventStorePool);
        await migrateReadModels(pool);
        return openEventStore(eventStoreSelectionFromEnv(process.env), eventStorePool, () => clock.now());
      },
    },
    { provide: EVENT_STORE, inject: [OPENED_EVENT_STORE], useFactory: (opened: OpenedEventStore): EventStore => opened.store },
    { provide: LOG_FOLLOWING, inject: [OPENED_EVENT_STORE], useFactory: (opened: OpenedEventStore): LogFollowing | null => opened.following ?? null },
    { provide: CommandRunner, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandRunner(store) },
    { provide: WAKE_UP, inject: [PG_POOL], useFactory: (pool: Pool) => new PgNotificationWakeUp(pool) },
    {
      provide: PROJECTION_RUNNER,
      inject: [PG_POOL, WAKE_UP, LOG_FOLLOWING, { token: SERVICE_STORAGE, optional: true }],
      useFactory: (pool: Pool, wakeUp: PgNotificationWakeUp, following: LogFollowing | null, storage?: ServiceStorage) =>
        new ProjectionRunner({
          pool,
          wakeUp: following?.wakeUp ?? wakeUp,
          projectors: servedReadModels(storage),
          subscription: following?.subscription,
          onError: (error, name) => logger.error(`projection ${name} failed: ${describe(error)}`),
        }),
    },
  ],
  exports: [CLOCK, EVENT_STORE, CommandRunner, PROJECTION_RUNNER, LOG_FOLLOWING],
})
export class EventSourcingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PROJECTION_RUNNER) private readonly projections: ProjectionRunner,
    @Inject(WAKE_UP) private readonly wakeUp: PgNotificationWakeUp,
    @Inject(SUBSCRIPTION_HEALTH) private readonly health: SubscriptionHealth,
    @Inject(OPENED_EVENT_STORE) private readonly opened: OpenedEventStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.wakeUp.start();
    await this.projections.start();
    for (const name of this.projections.names()) {
      this.health.register(name, async () => toHealth(await this.projections.statusOf(name)));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.wakeUp.stop();
    await this.opened.close();
  }
}

/**
 * A projection in /health: failing ones name the event position and the error. Being a few
 * events behind the head is normal while writes flow, so it does not degrade health.
 */
function toHealth(status: SubscriptionStatus) {
  const failed = status.failedAttempts > 0;
  return {
    name: status.name,
    status: failed ? ('failed' as const) : ('ok' as const),
    position: positionText(status.position),
    ...(failed
      ? { lastError: `${status.lastError} (event at ${positionText(status.errorPosition)}, ${status.failedAttempts} attempts)` }
      : {}),
  };
}

function positionText(position: { commit: bigint; prepare: bigint } | null): string {
  return position ? `${position.commit}/${position.prepare}` : 'unknown';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
