import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres, type PostgresServer } from '@rectify/testing';

export interface BenchPostgres {
  url(database: string): string;
  /** A new empty database on the server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** fsync, synchronous_commit, … as the server reports them (default settings: nothing is tuned). */
  settings: Record<string, string>;
  stop(): Promise<void>;
}

const REPORTED_SETTINGS = ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers', 'max_connections', 'commit_delay'];

/** ONE embedded PostgreSQL for the whole run, data directory under os.tmpdir(), default settings. */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const parent = mkdtempSync(join(tmpdir(), 'rectify-bench-'));
  chmodSync(parent, 0o755); // as root the server runs as `postgres`, which must reach its directory
  const dataDir = join(parent, 'pg');
  const server: PostgresServer = await startEmbeddedPostgres({ dataDir, ephemeral: true });
  const admin = new Client({ connectionString: server.url('postgres') });
  await admin.connect();
  const { rows } = await admin.query<{ name: string; setting: string; unit: string | null }>(
    'SELECT name, setting, unit FROM pg_settings WHERE name = ANY($1)',
    [REPORTED_SETTINGS],
  );
  const settings = Object.fromEntries(rows.map((r) => [r.name, r.unit ? `${r.setting} ${r.unit}` : r.setting]));
  settings.data_directory = dataDir;
  return {
    url: (database) => server.url(database),
    settings,
    async createDatabase(name) {
      await admin.query(`CREATE DATABASE "${name}"`);
      return server.url(name);
    },
    async stop() {
      await admin.end().catch(() => undefined);
      await server.stop();
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
