import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@rectify/testing';

const ROOT = resolve(__dirname, '../..');
/** Boots apps/engine/src/main.ts from source through SWC: the real engine, no build step shared with other runs. */
const BOOT = "require('./scripts/register-ts')(require('./scripts/swc-options').swcOptions); require('./apps/engine/src/main.ts')";

export interface EngineProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** SIGKILL: no shutdown hook runs, transactions in flight are lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The real engine as a child process on `databaseUrl`, dev auth, CLOCK=manual from clockStart. */
export async function startEngineProcess(databaseUrl: string, clockStart: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', BOOT], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev',
      DEV_TOKEN_SECRET: 'crash-test-secret-crash-test-secret-00',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rectify-crash-')),
      DEMO_SEED: 'false',
      LOG_LEVEL: 'error',
      CLOCK: 'manual',
      CLOCK_START: clockStart,
      WORKFLOW_TIMER_POLL_MS: '50',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`engine exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${base}/health`).then((r) => r.status < 500, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`engine did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    base,
    output: () => output,
    kill: async () => {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** A tiny HTTP client for an engine process. */
export function engineClient(base: string) {
  let seq = 0;
  const call = async (method: string, path: string, token: string | null, body?: object) => {
    const response = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(method === 'POST' ? { 'idempotency-key': `crash-${process.pid}-${Date.now()}-${++seq}` } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
  return {
    post: (path: string, token: string | null, body: object = {}) => call('POST', path, token, body),
    get: (path: string, token: string) => call('GET', path, token),
    token: async (role: string, sub: string) => (await call('POST', '/dev/token', null, { sub, role })).body.accessToken as string,
  };
}
