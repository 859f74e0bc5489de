/** DI token of the shared `pg.Pool` (raw SQL: event store, workflow runtime). */
export const PG_POOL = Symbol('PG_POOL');
/** DI token of the DatabaseConnection the pool and TypeORM were built from. */
export const DATABASE_CONNECTION = Symbol('DATABASE_CONNECTION');

export interface DatabaseConnection {
  url: string;
  /** Where it came from: DATABASE_URL, or the embedded server in DATA_DIR/postgres. */
  source: 'external' | 'embedded';
  /** Stops the embedded server; a no-op for an external database. */
  stop(): Promise<void>;
}

/**
 * DI token of the pool for the event store's own tables (events, streams, commands, …) in
 * `public`. The all-in-one engine has one schema: this is PG_POOL itself.
 */
export const EVENT_STORE_POOL = Symbol('EVENT_STORE_POOL');

/** DI token (optional) of a separate service's storage: set by ServiceStorageModule, absent in the engine. */
export const SERVICE_STORAGE = Symbol('SERVICE_STORAGE');

/**
 * What a separate service owns in the shared PostgreSQL. Its read models, checkpoints, timers
 * and audit tables live in `schema` (PG_POOL and TypeORM resolve unqualified names there first,
 * then in `public`, which holds only the event store); `readModels` are the rm_* tables its
 * queries read, the only read-model projections it runs.
 */
export interface ServiceStorage {
  schema: string;
  readModels: readonly string[];
}
