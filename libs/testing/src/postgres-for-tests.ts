import { mkdtempSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { containerRuntimeAvailable } from './container-runtime';
import { startEmbeddedPostgres, type PostgresServer } from './embedded-postgres-server';

/**
 * The run's PostgreSQL: TEST_DATABASE_URL (an external server's admin URL) when set;
 * else a testcontainers PostgreSQL when a container runtime exists; else embedded-postgres.
 */
export async function startPostgresForTests(log: (line: string) => void): Promise<PostgresServer> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    log(`[testing] using external PostgreSQL from TEST_DATABASE_URL`);
    return { url: (db = 'postgres') => withDatabase(external, db), stop: async () => undefined };
  }
  const container = await startContainerIfRuntime(log);
  if (container) return container;
  const parent = mkdtempSync(join(tmpdir(), 'rectify-test-pg-'));
  chmodSync(parent, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: join(parent, 'data'), ephemeral: true });
  log(`[testing] embedded PostgreSQL started (${server.url()})`);
  return server;
}

async function startContainerIfRuntime(log: (line: string) => void): Promise<PostgresServer | null> {
  if (process.env.TESTCONTAINERS === 'off') return null;
  if (!(await containerRuntimeAvailable())) {
    log('[testing] no container runtime: PostgreSQL runs embedded');
    return null;
  }
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer('postgres:18')
    .withEnvironment({ POSTGRES_PASSWORD: 'postgres' })
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .start();
  const base = `postgres://postgres:postgres@${container.getHost()}:${container.getMappedPort(5432)}/postgres`;
  log(`[testing] PostgreSQL container started`);
  return { url: (db = 'postgres') => withDatabase(base, db), stop: async () => void (await container.stop()) };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
