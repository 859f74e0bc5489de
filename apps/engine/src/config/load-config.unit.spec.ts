import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { parseDotEnv } from './dotenv';
import { loadConfig } from './load-config';

const OIDC = { AUTH_MODE: 'oidc', OIDC_ISSUER: 'https://id.example.org/realms/rectify', OIDC_AUDIENCE: 'rectify' };

function load(env: Record<string, string>, cwd = mkdtempSync(join(tmpdir(), 'rectify-config-'))) {
  return loadConfig(env, { cwd });
}

function issuesOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads OIDC_JWKS_COOLDOWN_MS as milliseconds 0-600000 and names it when bad', () => {
    expect(load({ ...OIDC, OIDC_JWKS_COOLDOWN_MS: '0' }).auth).toMatchObject({ jwksCooldownMs: 0 });
    expect(load(OIDC).auth).not.toHaveProperty('jwksCooldownMs');
    expect(issuesOf({ ...OIDC, OIDC_JWKS_COOLDOWN_MS: 'soon' })).toContain('OIDC_JWKS_COOLDOWN_MS must be an integer 0-600000');
  });

  it('gives process.env the .env keys it lacks, so modules reading process.env see them; real variables win', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rectify-config-'));
    writeFileSync(join(cwd, '.env'), `RECTIFY_TEST_FROM_DOTENV=file\nRECTIFY_TEST_SET_TWICE=file\nAUTH_MODE=dev\nDATA_DIR=${cwd}\n`);
    const before = { ...process.env };
    process.env.RECTIFY_TEST_SET_TWICE = 'process';
    try {
      loadConfig(process.env, { cwd });
      expect(process.env.RECTIFY_TEST_FROM_DOTENV).toBe('file');
      expect(process.env.RECTIFY_TEST_SET_TWICE).toBe('process');
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in before)) delete process.env[key];
    }
  });

  it('refuses crash points in production and unknown crash points anywhere', () => {
    expect(issuesOf({ ...OIDC, NODE_ENV: 'production', RECTIFY_CRASH_AT: 'timer-fired=5' })).toContain('RECTIFY_CRASH_AT must not be set when NODE_ENV=production');
    expect(issuesOf({ ...OIDC, RECTIFY_CRASH_AT: 'timer-fired=0' })).toContain("(got 'timer-fired=0')");
    expect(issuesOf({ ...OIDC, RECTIFY_CRASH_AT: 'power-cut=3' })).toContain('name one of timer-fired, decision-step-done');
    expect(() => load({ ...OIDC, RECTIFY_CRASH_AT: 'timer-fired=5,decision-step-done=2' })).not.toThrow();
  });

  it('refuses a bad PORT, naming the variable and the value', () => {
    expect(issuesOf({ ...OIDC, PORT: 'abc' })).toBe(
      "Invalid configuration: PORT must be an integer 1-65535 (got 'abc')",
    );
    expect(issuesOf({ ...OIDC, PORT: '70000' })).toContain('PORT must be an integer 1-65535');
  });

  it('sizes the database pool from DATABASE_POOL_SIZE (default 20, 2-200)', () => {
    expect(load(OIDC).databasePoolSize).toBe(20);
    expect(load({ ...OIDC, DATABASE_POOL_SIZE: '40' }).databasePoolSize).toBe(40);
    expect(issuesOf({ ...OIDC, DATABASE_POOL_SIZE: '1' })).toContain("DATABASE_POOL_SIZE must be an integer 2-200 (got '1')");
  });

  it('applies the documented defaults (oidc unless told otherwise, loopback host)', () => {
    const config = load(OIDC);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      embeddedPgPort: 54329,
      bodyLimit: '100kb',
      logLevel: 'log',
      auth: { mode: 'oidc', issuer: OIDC.OIDC_ISSUER, audience: 'rectify' },
    });
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('requires issuer and audience in oidc mode', () => {
    const message = issuesOf({ AUTH_MODE: 'oidc' });
    expect(message).toContain('OIDC_ISSUER is required');
    expect(message).toContain('OIDC_AUDIENCE is required');
  });

  it('lists every bad variable at once', () => {
    const message = issuesOf({ ...OIDC, AUTH_MODE: 'magic', LOG_LEVEL: 'loud', BODY_LIMIT: 'huge', DATABASE_URL: 'mysql://x' });
    expect(message).toContain("AUTH_MODE must be one of dev, oidc (got 'magic')");
    expect(message).toContain('LOG_LEVEL must be one of');
    expect(message).toContain('BODY_LIMIT must be a size');
    expect(message).toContain('DATABASE_URL must be a postgres');
  });

  it('refuses dev auth in production and short dev secrets', () => {
    expect(issuesOf({ AUTH_MODE: 'dev', NODE_ENV: 'production' })).toContain('AUTH_MODE must not be');
    expect(issuesOf({ AUTH_MODE: 'dev', DEV_TOKEN_SECRET: 'short' })).toContain('DEV_TOKEN_SECRET must be at least 32');
  });

  it('persists a generated dev token secret in DATA_DIR so tokens survive restarts', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rectify-data-'));
    const first = load({ AUTH_MODE: 'dev', DATA_DIR: dataDir });
    const second = load({ AUTH_MODE: 'dev', DATA_DIR: dataDir });
    expect(first.auth).toEqual(second.auth);
    expect(first.auth.mode === 'dev' && first.auth.devTokenSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dataDir, 'dev-token-secret'), 'utf8').trim()).toBe(
      first.auth.mode === 'dev' ? first.auth.devTokenSecret : '',
    );
  });

  it('reads a .env file in the working directory; process variables win', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rectify-env-'));
    writeFileSync(join(cwd, '.env'), `# comment\nPORT=4000\nexport HOST="0.0.0.0"\nLOG_LEVEL=debug # trailing\n`);
    const config = load({ ...OIDC, LOG_LEVEL: 'warn' }, cwd);
    expect(config).toMatchObject({ port: 4000, host: '0.0.0.0', logLevel: 'warn' });
  });

  it('parses .env quoting', () => {
    expect(parseDotEnv(`A='x # y'\nB="line\\nnext"\nC = plain  \nnot a line\n`)).toEqual({ A: 'x # y', B: 'line\nnext', C: 'plain' });
  });
});
