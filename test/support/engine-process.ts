import type { ChildProcess } from 'node:child_process';
import { startServiceProcess } from './service-process';

export interface EngineProcess {
  child: ChildProcess;
  base: string;
  output: () => string;
  /** SIGKILL: no shutdown hook runs, transactions in flight are lost. */
  kill(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the process is gone, with the signal that ended it (null for a normal exit). */
  exited: Promise<NodeJS.Signals | null>;
}

/** The real engine (apps/engine from source through SWC) as a child process on `databaseUrl`, dev auth, CLOCK=manual from clockStart. */
export async function startEngineProcess(databaseUrl: string, clockStart: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const engine = await startServiceProcess('engine', databaseUrl, clockStart, env);
  const { child } = engine;
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.exitCode !== null || child.signalCode !== null ? done(child.signalCode) : child.once('exit', (_code, signal) => done(signal)),
  );
  return {
    child: engine.child,
    base: engine.base,
    output: engine.output,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: engine.stop,
    exited,
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
