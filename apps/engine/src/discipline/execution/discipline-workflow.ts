import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import { CLOCK, WorkflowRuntime, migrateWorkflow, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../../database';
import { SUBSCRIPTION_HEALTH, type SubscriptionHealth } from '../../health';
import { decisionExecutionProcessManager } from './decision-execution.process-manager';

const logger = new Logger('DisciplineWorkflow');

/**
 * The discipline process managers on the workflow runtime (own instance: the runtime is
 * stateless between inputs and its timer poller claims only its own processes' timers).
 */
@Injectable()
export class DisciplineWorkflow implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly runtime: WorkflowRuntime;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) clock: Clock,
    @Inject(SUBSCRIPTION_HEALTH) private readonly health: SubscriptionHealth,
  ) {
    this.runtime = new WorkflowRuntime({
      pool,
      clock,
      processManagers: [decisionExecutionProcessManager],
      onError: (error, where) => logger.error(`${where} failed: ${error instanceof Error ? error.message : String(error)}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await migrateWorkflow(this.pool);
    await this.runtime.start();
    for (const name of this.runtime.names()) {
      this.health.register(name, async () => {
        const status = await this.runtime.statusOf(name);
        return { name, status: status.failedAttempts > 0 ? 'failed' : 'ok', position: `${status.position.commit}/${status.position.prepare}` };
      });
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
