import type { ChildProcess } from 'node:child_process';
import { startServiceProcess } from './service-process';

export interface EngineProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** SIGKILL: no shutdown hook runs, transactions in flight are lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** The real engine (apps/engine from source through SWC) as a child process on `databaseUrl`, dev auth, CLOCK=manual from clockStart. */
export async function startEngineProcess(databaseUrl: string, clockStart: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const engine = await startServiceProcess('engine', databaseUrl, clockStart, env);
  const exited = new Promise<void>((done) => (engine.child.exitCode !== null ? done() : engine.child.once('exit', () => done())));
  return {
    child: engine.child,
    base: engine.base,
    output: engine.output,
    kill: async () => {
      if (engine.child.exitCode === null) engine.child.kill('SIGKILL');
      await exited;
    },
    stop: engine.stop,
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
