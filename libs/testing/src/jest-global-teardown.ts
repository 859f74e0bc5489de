import type { PostgresServer } from './embedded-postgres-server';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__RECTIFY_PG__ as PostgresServer | undefined;
  if (server) await server.stop();
}
