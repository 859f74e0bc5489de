import { Client } from 'pg';
import { createTestDatabase } from './test-database';

describe('test database harness', () => {
  it('gives each caller its own empty database on a real PostgreSQL', async () => {
    const [a, b] = await Promise.all([createTestDatabase('harness'), createTestDatabase('harness')]);
    expect(a).not.toEqual(b);
    const client = new Client({ connectionString: a });
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    const version = await client.query<{ server_version_num: string }>('show server_version_num');
    await client.end();
    expect(rows[0].n).toBe(0);
    expect(Number(version.rows[0].server_version_num)).toBeGreaterThanOrEqual(140000);
  });
});
