import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { OidcAuthOptions } from '@rectify/auth';
import { createTestDatabase } from '@rectify/testing';
import type { EngineConfig } from '../../apps/engine/src/config';
import { PROJECTION_RUNNER } from '../../apps/engine/src/event-sourcing';
import { createEngineApp } from '../../apps/engine/src/http/engine-app';

export interface OidcTestEngine {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  /** http://127.0.0.1:<free port> */
  baseUrl: string;
  catchUp(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The whole engine in AUTH_MODE=oidc (no dev token endpoint) on a fresh database with the
 * demo organisation, listening on 127.0.0.1:`port` (default: a free one); it serves the web app when built.
 */
export async function startOidcTestEngine(
  auth: Omit<OidcAuthOptions, 'mode'>,
  { env = {}, port = 0 }: { env?: Record<string, string>; port?: number } = {},
): Promise<OidcTestEngine> {
  const databaseUrl = await createTestDatabase('oidc');
  Object.assign(process.env, { DEMO_SEED: 'true', CLOCK: 'system', CLOCK_START: '', ...env });
  const config: EngineConfig = {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'rectify-oidc-')),
    embeddedPgPort: 54329,
    auth: { mode: 'oidc', ...auth },
    bodyLimit: '100kb',
    logLevel: 'error',
  };
  const app = await createEngineApp(config, { logger: false });
  await app.listen(port, '127.0.0.1');
  const runner = app.get<{ catchUp(): Promise<void> }>(PROJECTION_RUNNER);
  await runner.catchUp();
  const { port: listening } = app.getHttpServer().address() as AddressInfo;
  return { app, http: request(app.getHttpServer()), baseUrl: `http://127.0.0.1:${listening}`, catchUp: () => runner.catchUp(), close: () => app.close() };
}
