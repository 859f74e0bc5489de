import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { EVENT_STORE, PgNotificationWakeUp, type EventStore, type EventWakeUp, type SubscriptionStatus } from '@rectify/event-store';
import { CLOCK, NotificationDispatcher, WorkflowRuntime, migrateWorkflow, type AnyProcessManager, type Clock } from '@rectify/workflow';
import { BUSINESS_CALENDAR_SOURCE, type BusinessCalendarSource } from '../calendar/calendar.tokens';
import { PG_POOL } from '../database';
import { LOG_FOLLOWING } from '../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../event-sourcing/event-store-selection';
import { SUBSCRIPTION_HEALTH, type SubscriptionHealth } from '../health';
import { InboxController } from './inbox/inbox.controller';
import { notificationChannelsFromEnv, timerBatchSizeFromEnv, timerPollIntervalFromEnv } from './notifications/webhook-config';
import { DeadlinePolicyController } from './policies/deadline-policy.controller';
import { remediationProcessManager } from './remediation/remediation.process-manager';
import { decisionExecutionProcessManager } from '../discipline/execution/decision-execution.process-manager';
import { EXTRA_PROCESS_MANAGERS, NOTIFICATION_DISPATCHER, WORKFLOW_RUNTIME } from './workflow.tokens';

const logger = new Logger('Workflow');
const WORKFLOW_WAKE_UP = Symbol('WORKFLOW_WAKE_UP');
const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Durable workflows: the remediation process manager and its timers (WorkflowRuntime), the
 * notification channel (webhook), deadline policy and inbox endpoints. Global so that the
 * dev clock can reach the runtime. The process managers and the dispatcher follow the
 * configured event store (LOG_FOLLOWING: KurrentDB's $all, or by default the PostgreSQL
 * `events` table woken by NOTIFY); their checkpoints, timers and outbox stay in PostgreSQL.
 * With LOG_FOLLOWING the process managers also read and append their own streams, and read
 * the registry, through the EventStore port (WorkflowRuntime `processEventStore`).
 */
@Global()
@Module({
  controllers: [DeadlinePolicyController, InboxController],
  providers: [
    { provide: WORKFLOW_WAKE_UP, inject: [PG_POOL], useFactory: (pool: Pool) => new PgNotificationWakeUp(pool) },
    {
      provide: WORKFLOW_RUNTIME,
      inject: [PG_POOL, CLOCK, BUSINESS_CALENDAR_SOURCE, WORKFLOW_WAKE_UP, EVENT_STORE, LOG_FOLLOWING, { token: EXTRA_PROCESS_MANAGERS, optional: true }],
      useFactory: async (
        pool: Pool, clock: Clock, calendars: BusinessCalendarSource, wakeUp: PgNotificationWakeUp, store: EventStore,
        following: LogFollowing | null, extra?: readonly AnyProcessManager[],
      ) => {
        await migrateWorkflow(pool);
        // Following a log other than the `events` table (KurrentDB): process streams and the
        // registry facts they read go through the port too (chosen once, here).
        const port = following ? store : undefined;
        return new WorkflowRuntime({
          pool,
          clock,
          wakeUp: following?.wakeUp ?? wakeUp,
          subscription: following?.subscription,
          processEventStore: port,
          timerPollIntervalMs: timerPollIntervalFromEnv(process.env),
          timerBatchSize: timerBatchSizeFromEnv(process.env),
          processManagers: [remediationProcessManager({ clock, calendar: () => calendars.current(), registryStore: port }), decisionExecutionProcessManager, ...(extra ?? [])],
          onError: (error, where) => logger.error(`${where} failed: ${describe(error)}`),
        });
      },
    },
    {
      provide: NOTIFICATION_DISPATCHER,
      inject: [PG_POOL, WORKFLOW_WAKE_UP, LOG_FOLLOWING, WORKFLOW_RUNTIME],
      useFactory: (pool: Pool, pgWakeUp: PgNotificationWakeUp, following: LogFollowing | null) => {
        const channels = notificationChannelsFromEnv(process.env);
        if (channels.length === 0) return null;
        const wakeUp: EventWakeUp = following?.wakeUp ?? pgWakeUp;
        return new NotificationDispatcher({
          pool, wakeUp, channels, subscription: following?.subscription,
          onError: (error) => logger.error(`notification delivery: ${describe(error)}`),
        });
      },
    },
  ],
  exports: [WORKFLOW_RUNTIME, NOTIFICATION_DISPATCHER],
})
export class WorkflowModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(WORKFLOW_RUNTIME) private readonly runtime: WorkflowRuntime,
    @Inject(NOTIFICATION_DISPATCHER) private readonly dispatcher: NotificationDispatcher | null,
    @Inject(WORKFLOW_WAKE_UP) private readonly wakeUp: PgNotificationWakeUp,
    @Inject(SUBSCRIPTION_HEALTH) private readonly health: SubscriptionHealth,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.wakeUp.start();
    await this.runtime.start();
    await this.dispatcher?.start();
    for (const name of this.runtime.names()) this.health.register(name, async () => toHealth(await this.runtime.statusOf(name)));
    this.health.register('timers', async () => {
      const status = await this.runtime.timerStatus();
      return {
        name: 'timers',
        status: status.failing > 0 ? 'failed' : 'ok',
        position: `${status.pending} pending, ${status.due} due`,
        ...(status.failing > 0 ? { lastError: `${status.failing} failing timer(s); last: ${status.lastError}` } : {}),
      };
    });
    if (this.dispatcher) {
      const dispatcher = this.dispatcher;
      this.health.register('notifications:outbox', async () => toHealth(await dispatcher.status()));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher?.stop();
    await this.runtime.stop();
    await this.wakeUp.stop();
  }
}

/** Like the projections in /health: a failing process manager names the event position and error. */
function toHealth(status: SubscriptionStatus) {
  const failed = status.failedAttempts > 0;
  const at = (p: { commit: bigint; prepare: bigint } | null) => (p ? `${p.commit}/${p.prepare}` : 'unknown');
  return {
    name: status.name,
    status: failed ? ('failed' as const) : ('ok' as const),
    position: at(status.position),
    ...(failed ? { lastError: `${status.lastError} (event at ${at(status.errorPosition)}, ${status.failedAttempts} attempts)` } : {}),
  };
}
