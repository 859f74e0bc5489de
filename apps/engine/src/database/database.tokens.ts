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
