import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

export const TEST_ADMIN_URL_ENV = 'RECTIFY_TEST_PG_ADMIN_URL';

/** Admin URL of the run's PostgreSQL server, published by the Jest global setup. */
export function testAdminUrl(): string {
  const url = process.env[TEST_ADMIN_URL_ENV];
  if (!url) {
    throw new Error(
      `${TEST_ADMIN_URL_ENV} is not set: run tests through Jest (its globalSetup starts PostgreSQL)`,
    );
  }
  return url;
}

/**
 * Creates a fresh, empty database on the run's server and returns its URL.
 * Each test file calls this once so files never share state.
 */
export async function createTestDatabase(prefix = 'test'): Promise<string> {
  const admin = new URL(testAdminUrl());
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return url.toString();
}
