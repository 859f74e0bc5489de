import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { AuthOptions } from '@rectify/auth';
import { CRASH_AT_VARIABLE, parseCrashAt } from '@rectify/workflow';
import { ConfigError } from './config-error';
import { persistedDevTokenSecret } from './dev-token-secret';
import { withDotEnv } from './dotenv';
import { DEFAULT_DATABASE_POOL_SIZE, LOG_LEVELS, NODE_ENVS, type EngineConfig, type LogLevel, type NodeEnv } from './engine-config';

export interface LoadConfigOptions {
  /**
   * Read `<cwd>/.env` too (process variables win). Default true. When `source` is process.env,
   * the file's keys that process.env lacks are added to it, for modules that read process.env.
   */
  dotEnv?: boolean;
  cwd?: string;
}

/**
 * Reads and validates the configuration; throws ConfigError listing every bad variable.
 * Defaults: PORT 3000, HOST 127.0.0.1 (loopback only: set 0.0.0.0 to expose it),
 * DATA_DIR <repo>/.data, EMBEDDED_PG_PORT 54329, AUTH_MODE oidc, BODY_LIMIT 100kb, LOG_LEVEL log.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, options: LoadConfigOptions = {}): EngineConfig {
  const cwd = options.cwd ?? process.cwd();
  const env = options.dotEnv === false ? source : withDotEnv(source, join(cwd, '.env'));
  // Modules read their own settings (EVIDENCE_*, S3_*, WEBHOOK_*, AUDIT_*, …) from process.env:
  // a .env file must reach them too, so the boot's own environment gets the file's missing keys.
  if (source === process.env && env !== source) for (const [key, value] of Object.entries(env)) process.env[key] ??= value;
  const issues: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  const nodeEnv = oneOf(read, issues, 'NODE_ENV', NODE_ENVS, 'development') as NodeEnv;
  const port = integer(read, issues, 'PORT', 3000, 1, 65535);
  const embeddedPgPort = integer(read, issues, 'EMBEDDED_PG_PORT', 54329, 1, 65535);
  const databasePoolSize = integer(read, issues, 'DATABASE_POOL_SIZE', DEFAULT_DATABASE_POOL_SIZE, 2, 200);
  const host = read('HOST') ?? '127.0.0.1';
  const databaseUrl = read('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    issues.push(`DATABASE_URL must be a postgres:// or postgresql:// URL (got '${redactUrl(databaseUrl)}')`);
  }
  const dataDir = resolve(cwd, read('DATA_DIR') ?? join(repoRoot(), '.data'));
  const bodyLimit = read('BODY_LIMIT') ?? '100kb';
  if (!/^\d+(\.\d+)?\s*(b|kb|mb)?$/i.test(bodyLimit)) {
    issues.push(`BODY_LIMIT must be a size such as 100kb or 1mb (got '${bodyLimit}')`);
  }
  const logLevel = oneOf(read, issues, 'LOG_LEVEL', LOG_LEVELS, 'log') as LogLevel;
  const auth = authOptions(read, issues, nodeEnv, dataDir);
  crashPointsAllowed(read, issues, nodeEnv);

  if (issues.length > 0) throw new ConfigError(issues);
  return { nodeEnv, port, host, databaseUrl, dataDir, embeddedPgPort, databasePoolSize, auth: auth!, bodyLimit, logLevel };
}

type Read = (name: string) => string | undefined;

/** RECTIFY_CRASH_AT is for crash-safety tests only: refused in production, checked elsewhere. */
function crashPointsAllowed(read: Read, issues: string[], nodeEnv: NodeEnv): void {
  const value = read(CRASH_AT_VARIABLE);
  if (value === undefined) return;
  if (nodeEnv === 'production') issues.push(`${CRASH_AT_VARIABLE} must not be set when NODE_ENV=production (it makes the engine kill itself)`);
  try {
    parseCrashAt(value);
  } catch (error) {
    issues.push((error as Error).message);
  }
}

function authOptions(read: Read, issues: string[], nodeEnv: NodeEnv, dataDir: string): AuthOptions | undefined {
  const mode = oneOf(read, issues, 'AUTH_MODE', ['dev', 'oidc'] as const, 'oidc');
  if (mode === 'dev') {
    if (nodeEnv === 'production') issues.push(`AUTH_MODE must not be 'dev' when NODE_ENV=production (dev tokens are unauthenticated)`);
    const given = read('DEV_TOKEN_SECRET');
    if (given !== undefined && given.length < 32) {
      issues.push(`DEV_TOKEN_SECRET must be at least 32 characters (got ${given.length})`);
      return undefined;
    }
    if (issues.length > 0) return undefined; // never write DATA_DIR for a config that is refused
    return { mode, devTokenSecret: given ?? persistedDevTokenSecret(dataDir) };
  }
  if (mode !== 'oidc') return undefined;
  const issuer = url(read, issues, 'OIDC_ISSUER', true);
  const audience = read('OIDC_AUDIENCE');
  if (audience === undefined) issues.push(`OIDC_AUDIENCE is required when AUTH_MODE=oidc`);
  const jwksUrl = url(read, issues, 'OIDC_JWKS_URL', false);
  const cooldown = read('OIDC_JWKS_COOLDOWN_MS') === undefined ? undefined : integer(read, issues, 'OIDC_JWKS_COOLDOWN_MS', 5_000, 0, 600_000);
  if (issuer === undefined || audience === undefined) return undefined;
  return { mode, issuer, audience, ...(jwksUrl ? { jwksUrl } : {}), ...(cooldown === undefined ? {} : { jwksCooldownMs: cooldown }) };
}

function integer(read: Read, issues: string[], name: string, fallback: number, min: number, max: number): number {
  const raw = read(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    issues.push(`${name} must be an integer ${min}-${max} (got '${raw}')`);
    return fallback;
  }
  return value;
}

function oneOf<T extends string>(read: Read, issues: string[], name: string, allowed: readonly T[], fallback: T): T | undefined {
  const raw = read(name);
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  issues.push(`${name} must be one of ${allowed.join(', ')} (got '${raw}')`);
  return undefined;
}

function url(read: Read, issues: string[], name: string, required: boolean): string | undefined {
  const raw = read(name);
  if (raw === undefined) {
    if (required) issues.push(`${name} is required when AUTH_MODE=oidc`);
    return undefined;
  }
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('not http(s)');
    return raw;
  } catch {
    issues.push(`${name} must be an http(s) URL (got '${raw}')`);
    return undefined;
  }
}

function redactUrl(raw: string): string {
  return raw.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

/** The directory holding package.json, above this file in src/ and in dist/ alike. */
export function repoRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
