import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Role } from '@rectify/domain';
import { createTestDatabase } from '@rectify/testing';
import type { EngineConfig } from '../../apps/engine/src/config';
import { PROJECTION_RUNNER } from '../../apps/engine/src/event-sourcing';
import { createEngineApp } from '../../apps/engine/src/http/engine-app';

export interface TestEngine {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  databaseUrl: string;
  /** A dev token for `sub` in `role`. */
  token(role: Role, sub?: string): Promise<string>;
  /** Waits until every read model has processed every committed event. */
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

export interface TestEngineOptions {
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Run on a manual clock (CLOCK=manual) starting at this ISO instant; move it with POST /api/v1/dev/clock. Default: real time. */
  manualClockStart?: string;
}

/** The whole engine (AUTH_MODE=dev) on a fresh database of the run's PostgreSQL. */
export async function startTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase('e2e'));
  const clock = options.manualClockStart ? { CLOCK: 'manual', CLOCK_START: options.manualClockStart } : { CLOCK: 'system', CLOCK_START: '' };
  Object.assign(process.env, { DEMO_SEED: 'false', ...clock, ...options.env });
  const config: EngineConfig = {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'rectify-e2e-')),
    embeddedPgPort: 54329,
    auth: { mode: 'dev', devTokenSecret: 'e2e-secret-e2e-secret-e2e-secret-0000' },
    bodyLimit: '100kb',
    logLevel: 'error',
  };
  const app = await createEngineApp(config, { logger: false });
  await app.init();
  const http = request(app.getHttpServer());
  const runner = app.get<{ catchUp(): Promise<void> }>(PROJECTION_RUNNER);
  return {
    app,
    http,
    databaseUrl,
    async token(role, sub = `${role}-1`) {
      const response = await http.post('/api/v1/dev/token').send({ sub, role });
      if (response.status !== 200) throw new Error(`dev token: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.accessToken as string;
    },
    catchUp: () => runner.catchUp(),
    close: () => app.close(),
  };
}
