import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@rectify/testing';

const ROOT = resolve(__dirname, '../..');
/** A service of apps/, or 'engine' for the all-in-one process. */
export type ServiceName = 'engine' | 'inspection' | 'workflow' | 'discipline' | 'audit';

export interface ServiceProcess {
  name: ServiceName;
  child: ChildProcess;
  base: string;
  output: () => string;
  /** SIGTERM, then SIGKILL if it has not exited after 10 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

/**
 * One service (apps/<name>/src/main.ts, compiled on the fly by SWC) as a child process on
 * `databaseUrl`: dev auth, CLOCK=manual from clockStart, demo seed off. Its own DATA_DIR; the
 * audit signing key comes from `env` when several processes must share it.
 */
export async function startServiceProcess(name: ServiceName, databaseUrl: string, clockStart: string, env: Record<string, string> = {}): Promise<ServiceProcess> {
  const port = await freePort();
  const boot = `require('./scripts/register-ts')(require('./scripts/swc-options').swcOptions); require('./apps/${name}/src/main.ts')`;
  const child = spawn(process.execPath, ['-e', boot], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      AUTH_MODE: 'dev',
      DEV_TOKEN_SECRET: 'services-test-secret-services-test-00',
      DATA_DIR: mkdtempSync(join(tmpdir(), `rectify-${name}-`)),
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
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${output}`);
    if (await fetch(`${base}/health`).then((r) => r.status < 500, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`${name} did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { name, child, base, output: () => output, stop };
}

/** Polls `condition` until it holds (processes settle asynchronously); fails naming `what`. */
export async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
