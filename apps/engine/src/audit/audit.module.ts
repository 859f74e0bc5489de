import { Global, Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuthorizationRefusals } from '@rectify/auth';
import { AuditChainWitness, auditProjectors, loadSigningKey, migrateAudit, recordAccess, type AuditSigningKey } from '@rectify/audit';
import { PgNotificationWakeUp, type SubscriptionStatus } from '@rectify/event-store';
import { ProjectionRunner } from '@rectify/read-models';
import { CLOCK, type Clock } from '@rectify/workflow';
import { ENGINE_CONFIG, type EngineConfig } from '../config';
import { PG_POOL } from '../database';
import { LOG_FOLLOWING } from '../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../event-sourcing/event-store-selection';
import { SUBSCRIPTION_HEALTH, type SubscriptionHealth } from '../health';
import { AccessLogController } from './access-log.controller';
import { auditSettingsFromEnv, type AuditSettings } from './audit-settings';
import { AUDIT_CHAIN_WITNESS, AUDIT_PROJECTIONS, AUDIT_SIGNING_KEY } from './audit.tokens';
import { AuditController } from './audit.controller';

const logger = new Logger('Audit');
const AUDIT_SETTINGS = Symbol('AUDIT_SETTINGS');
const AUDIT_WAKE_UP = Symbol('AUDIT_WAKE_UP');
const MIGRATED = Symbol('AUDIT_MIGRATED');

/**
 * The audit trail: the witness ledger with signed checkpoints, verification, the access log
 * (every refused authorization goes in) and the audit read models (history index, reports).
 * Global so the history and report modules can inject PG-backed audit services.
 */
@Global()
@Module({
  controllers: [AuditController, AccessLogController],
  providers: [
    { provide: AUDIT_SETTINGS, useFactory: () => auditSettingsFromEnv(process.env) },
    { provide: MIGRATED, inject: [PG_POOL], useFactory: async (pool: Pool) => migrateAudit(pool).then(() => true) },
    {
      provide: AUDIT_SIGNING_KEY,
      inject: [ENGINE_CONFIG, AUDIT_SETTINGS],
      useFactory: (config: EngineConfig, settings: AuditSettings) => loadSigningKey({ dataDir: config.dataDir, pem: settings.signingKeyPem }),
    },
    { provide: AUDIT_WAKE_UP, inject: [PG_POOL], useFactory: (pool: Pool) => new PgNotificationWakeUp(pool) },
    {
      provide: AUDIT_CHAIN_WITNESS,
      // Follows the configured event store (KurrentDB's $all, or the events table); ledger and checkpoints in PostgreSQL.
      inject: [PG_POOL, AUDIT_SIGNING_KEY, CLOCK, AUDIT_SETTINGS, AUDIT_WAKE_UP, LOG_FOLLOWING, MIGRATED],
      useFactory: (pool: Pool, key: AuditSigningKey, clock: Clock, settings: AuditSettings, wakeUp: PgNotificationWakeUp, following: LogFollowing | null) =>
        new AuditChainWitness({
          pool, key, now: () => clock.now(), wakeUp: following?.wakeUp ?? wakeUp, subscription: following?.subscription,
          everyEvents: settings.checkpointEveryEvents, everyMs: settings.checkpointEveryMs,
          onError: (error) => logger.error(`audit chain witness failed: ${describe(error)}`),
        }),
    },
    {
      provide: AUDIT_PROJECTIONS,
      inject: [PG_POOL, AUDIT_WAKE_UP, LOG_FOLLOWING, MIGRATED],
      useFactory: (pool: Pool, wakeUp: PgNotificationWakeUp, following: LogFollowing | null) =>
        new ProjectionRunner({
          pool, wakeUp: following?.wakeUp ?? wakeUp, projectors: auditProjectors(), subscription: following?.subscription,
          onError: (error, name) => logger.error(`projection ${name} failed: ${describe(error)}`),
        }),
    },
  ],
  exports: [AUDIT_SIGNING_KEY, AUDIT_CHAIN_WITNESS, AUDIT_PROJECTIONS],
})
export class AuditModule implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AUDIT_WAKE_UP) private readonly wakeUp: PgNotificationWakeUp,
    @Inject(AUDIT_CHAIN_WITNESS) private readonly witness: AuditChainWitness,
    @Inject(AUDIT_PROJECTIONS) private readonly projections: ProjectionRunner,
    @Inject(SUBSCRIPTION_HEALTH) private readonly health: SubscriptionHealth,
    private readonly refusals: AuthorizationRefusals,
  ) {}

  /** Every refused authorization goes into the append-only access log. */
  onModuleInit(): void {
    this.refusals.addSink((refusal) =>
      recordAccess(this.pool, {
        at: this.clock.now(),
        action: 'authorization.refused',
        actorId: refusal.actor?.id ?? null,
        actorRole: refusal.actor?.role ?? null,
        method: refusal.method,
        path: refusal.path,
        status: refusal.status,
        detail: { code: refusal.code, reason: refusal.reason },
      }),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.wakeUp.start();
    await this.witness.start();
    await this.projections.start();
    this.health.register(this.witness.subscription.name, async () => toHealth(await this.witness.subscription.status()));
    for (const name of this.projections.names()) {
      this.health.register(name, async () => toHealth(await this.projections.statusOf(name)));
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.witness.stop();
    await this.wakeUp.stop();
  }
}

function toHealth(status: SubscriptionStatus) {
  const failed = status.failedAttempts > 0;
  return {
    name: status.name,
    status: failed ? ('failed' as const) : ('ok' as const),
    position: `${status.position.commit}/${status.position.prepare}`,
    ...(failed ? { lastError: `${status.lastError} (${status.failedAttempts} attempts)` } : {}),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
