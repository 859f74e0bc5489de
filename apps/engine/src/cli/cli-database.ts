import { Pool } from 'pg';
import { loadConfig, type EngineConfig } from '../config';
import { ensureDatabase, startEmbeddedServer } from '../database/embedded-postgres';

export interface CliDatabase {
  pool: Pool;
  describe: string;
  close(): Promise<void>;
}

/**
 * The engine's database for a command-line tool: DATABASE_URL, or the embedded cluster in
 * DATA_DIR/postgres. An embedded server already running (a live engine) is used and left running.
 */
export async function openCliDatabase(config: EngineConfig = loadConfig()): Promise<CliDatabase> {
  if (config.databaseUrl) {
    const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
    pool.on('error', () => undefined);
    return { pool, describe: 'DATABASE_URL', close: () => pool.end() };
  }
  const server = await startEmbeddedServer(`${config.dataDir}/postgres`, config.embeddedPgPort, () => undefined);
  await ensureDatabase(server.url('postgres'), 'rectify');
  const pool = new Pool({ connectionString: server.url('rectify'), max: 4 });
  // An idle client told to terminate while the embedded server shuts down must not crash the tool.
  pool.on('error', () => undefined);
  return {
    pool,
    describe: `embedded PostgreSQL in ${config.dataDir}/postgres${server.adopted ? ' (already running)' : ''}`,
    close: async () => {
      await pool.end();
      if (!server.adopted) await server.stop();
    },
  };
}
