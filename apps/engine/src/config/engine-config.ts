import type { AuthOptions } from '@rectify/auth';

/** DI token of the validated EngineConfig. */
export const ENGINE_CONFIG = Symbol('ENGINE_CONFIG');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

/** The engine's configuration, validated once at boot (see load-config.ts). */
export interface EngineConfig {
  nodeEnv: NodeEnv;
  port: number;
  host: string;
  /** External PostgreSQL; when absent the engine runs embedded PostgreSQL in dataDir/postgres. */
  databaseUrl?: string;
  /** Absolute path of the engine's local state (embedded cluster, dev token secret). */
  dataDir: string;
  embeddedPgPort: number;
  /**
   * Connections of the engine's pool (DATABASE_POOL_SIZE, default DEFAULT_DATABASE_POOL_SIZE).
   * Commands share it with every subscription's batch transaction: too few, and commands wait
   * for a connection while projections hold them.
   */
  databasePoolSize?: number;
  auth: AuthOptions;
  /** body-parser limit for JSON bodies, e.g. "100kb". */
  bodyLimit: string;
  logLevel: LogLevel;
}

/** With 10, commands queued behind the subscriptions' transactions; 32 measured no better than 20 (docs/benchmarks.md). */
export const DEFAULT_DATABASE_POOL_SIZE = 20;
