import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool } from 'pg';
import { ENGINE_CONFIG, type EngineConfig } from '../config';
import { DATABASE_CONNECTION, PG_POOL, type DatabaseConnection } from './database.tokens';
import { ensureDatabase, startEmbeddedServer } from './embedded-postgres';

const EMBEDDED_DATABASE = 'rectify';
const logger = new Logger('Database');

/** DATABASE_URL when set; else embedded PostgreSQL in DATA_DIR/postgres with database `rectify`. */
export async function openDatabaseConnection(config: EngineConfig): Promise<DatabaseConnection> {
  if (config.databaseUrl) {
    logger.log(`using PostgreSQL from DATABASE_URL (${describe(config.databaseUrl)})`);
    return { url: config.databaseUrl, source: 'external', stop: async () => undefined };
  }
  const dir = `${config.dataDir}/postgres`;
  const server = await startEmbeddedServer(dir, config.embeddedPgPort, (line) => logger.log(line));
  try {
    await ensureDatabase(server.url('postgres'), EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.url(EMBEDDED_DATABASE);
  logger.log(`using embedded PostgreSQL in ${dir} (${describe(url)})`);
  return { url, source: 'embedded', stop: () => server.stop() };
}

function describe(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

@Global()
@Module({
  providers: [
    { provide: DATABASE_CONNECTION, inject: [ENGINE_CONFIG], useFactory: openDatabaseConnection },
    {
      provide: PG_POOL,
      inject: [DATABASE_CONNECTION],
      useFactory: (db: DatabaseConnection) => {
        const pool = new Pool({ connectionString: db.url, max: 10 });
        // An idle client losing its connection must not crash the process.
        // 57P01 (admin_shutdown) is the embedded server stopping on SIGINT/SIGTERM, not a fault.
        pool.on('error', (error: Error & { code?: string }) => {
          if (error.code === '57P01') logger.debug(`idle PostgreSQL client closed: ${error.message}`);
          else logger.error(`idle PostgreSQL client error: ${error.message}`);
        });
        return pool;
      },
    },
  ],
  exports: [DATABASE_CONNECTION, PG_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    await this.connection.stop();
    if (this.connection.source === 'embedded') logger.log('embedded PostgreSQL stopped');
  }
}

/** TypeORM on the same database: migrations own the schema (synchronize off); entities come from forFeature. */
export const TypeOrmRootModule = TypeOrmModule.forRootAsync({
  inject: [DATABASE_CONNECTION],
  useFactory: (db: DatabaseConnection) => ({
    type: 'postgres' as const,
    url: db.url,
    synchronize: false,
    autoLoadEntities: true,
    retryAttempts: 2,
    retryDelay: 1000,
  }),
});
