import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Pool, type PoolConfig } from 'pg';
import { migratePostgresEventStore } from '@rectify/event-store';
import { DEFAULT_DATABASE_POOL_SIZE, ENGINE_CONFIG, type EngineConfig } from '../config';
import { DATABASE_CONNECTION, EVENT_STORE_POOL, PG_POOL, SERVICE_STORAGE, type DatabaseConnection, type ServiceStorage } from './database.tokens';
import { ensureDatabase, startEmbeddedServer } from './embedded-postgres';
import { PUBLIC_SEARCH_PATH, prepareServiceSchema, serviceSearchPath } from './service-schema';

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

const OPTIONAL_STORAGE = { token: SERVICE_STORAGE, optional: true };

/**
 * The all-in-one engine: one pool, one schema (PG_POOL = EVENT_STORE_POOL, as always).
 * A separate service (ServiceStorageModule): EVENT_STORE_POOL on `public` for the event
 * store, and PG_POOL on the service's own schema (then public) for everything else, the
 * schema prepared before anyone can migrate through it.
 */
@Global()
@Module({
  providers: [
    { provide: DATABASE_CONNECTION, inject: [ENGINE_CONFIG], useFactory: openDatabaseConnection },
    {
      provide: EVENT_STORE_POOL,
      inject: [DATABASE_CONNECTION, ENGINE_CONFIG, OPTIONAL_STORAGE],
      useFactory: (db: DatabaseConnection, config: EngineConfig, storage?: ServiceStorage) =>
        storage ? createPool(db, { max: 4, options: PUBLIC_SEARCH_PATH }) : createPool(db, { max: config.databasePoolSize ?? DEFAULT_DATABASE_POOL_SIZE }),
    },
    {
      provide: PG_POOL,
      inject: [EVENT_STORE_POOL, DATABASE_CONNECTION, OPTIONAL_STORAGE],
      useFactory: async (eventStorePool: Pool, db: DatabaseConnection, storage?: ServiceStorage) => {
        if (!storage) return eventStorePool;
        await migratePostgresEventStore(eventStorePool); // the schema copies public.subscription_checkpoints
        await prepareServiceSchema(eventStorePool, storage.schema);
        logger.log(`service tables in schema ${storage.schema}; event store in public`);
        return createPool(db, { max: 10, options: serviceSearchPath(storage.schema) });
      },
    },
  ],
  exports: [DATABASE_CONNECTION, PG_POOL, EVENT_STORE_POOL],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE_POOL) private readonly eventStorePool: Pool,
    @Inject(DATABASE_CONNECTION) private readonly connection: DatabaseConnection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
    if (this.eventStorePool !== this.pool) await this.eventStorePool.end().catch(() => undefined);
    await this.connection.stop();
    if (this.connection.source === 'embedded') logger.log('embedded PostgreSQL stopped');
  }
}

function createPool(db: DatabaseConnection, config: Pick<PoolConfig, 'max' | 'options'>): Pool {
  const pool = new Pool({ connectionString: db.url, ...config });
  // An idle client losing its connection must not crash the process.
  // 57P01 (admin_shutdown) is the embedded server stopping on SIGINT/SIGTERM, not a fault.
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code === '57P01') logger.debug(`idle PostgreSQL client closed: ${error.message}`);
    else logger.error(`idle PostgreSQL client error: ${error.message}`);
  });
  return pool;
}

/**
 * TypeORM on the same database: migrations own the schema (synchronize off); entities come
 * from forFeature. In a separate service its sessions resolve names like PG_POOL's.
 */
export const TypeOrmRootModule = TypeOrmModule.forRootAsync({
  inject: [DATABASE_CONNECTION, OPTIONAL_STORAGE],
  useFactory: (db: DatabaseConnection, storage?: ServiceStorage) => ({
    type: 'postgres' as const,
    url: db.url,
    ...(storage ? { extra: { options: serviceSearchPath(storage.schema) } } : {}),
    synchronize: false,
    autoLoadEntities: true,
    retryAttempts: 2,
    retryDelay: 1000,
  }),
});
