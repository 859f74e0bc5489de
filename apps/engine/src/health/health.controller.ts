import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Public } from '@rectify/auth';
import { PG_POOL } from '../database/database.tokens';
import { DEPENDENCY_HEALTH, DependencyHealth, type DependencyStatus } from './dependency-health';
import { SUBSCRIPTION_HEALTH, SubscriptionHealth, type SubscriptionStatus } from './subscription-health';

const DB_TIMEOUT_MS = 2000;

export interface HealthReport {
  status: 'ok' | 'degraded' | 'down';
  database: { status: 'up' | 'down'; latencyMs: number; error?: string };
  subscriptions: SubscriptionStatus[];
  /** Present when a dependency registered a probe (e.g. the S3 evidence store). */
  dependencies?: DependencyStatus[];
}

/** Rules: database down → 'down' and 503; any subscription not 'ok' or dependency down → 'degraded' (200). */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SUBSCRIPTION_HEALTH) private readonly subscriptions: SubscriptionHealth,
    @Inject(DEPENDENCY_HEALTH) private readonly dependencies: DependencyHealth,
  ) {}

  @Public()
  @Get()
  @ApiOkResponse({ description: 'Up (ok or degraded)' })
  @ApiServiceUnavailableResponse({ description: 'Database unreachable' })
  async health(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const [database, subscriptions, dependencies] = await Promise.all([this.checkDatabase(), this.subscriptions.snapshot(), this.dependencies.snapshot()]);
    const healthy = subscriptions.every((s) => s.status === 'ok') && dependencies.every((d) => d.status === 'up');
    const status = database.status === 'down' ? 'down' : healthy ? 'ok' : 'degraded';
    response.status(status === 'down' ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK);
    response.setHeader('Cache-Control', 'no-store');
    return { status, database, subscriptions, ...(this.dependencies.size > 0 ? { dependencies } : {}) };
  }

  private async checkDatabase(): Promise<HealthReport['database']> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.pool.query('select 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${DB_TIMEOUT_MS} ms`)), DB_TIMEOUT_MS))),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      return { status: 'down', latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
    } finally {
      clearTimeout(timer);
    }
  }
}
