// Jest globalSetup: one PostgreSQL per test run; workers inherit its admin URL via env.
import { CONTAINER_RUNTIME_ENV, containerRuntimeAvailable } from './container-runtime';
import { startPostgresForTests } from './postgres-for-tests';
import { TEST_ADMIN_URL_ENV } from './test-database';

export default async function globalSetup(): Promise<void> {
  const server = await startPostgresForTests((line) => process.stdout.write(`\n${line}\n`));
  process.env[TEST_ADMIN_URL_ENV] = server.url('postgres');
  (globalThis as Record<string, unknown>).__RECTIFY_PG__ = server;
  process.env[CONTAINER_RUNTIME_ENV] = (await containerRuntimeAvailable()) ? '1' : '0';
}
