import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { CannonJob, CannonResult, WorkerMessage } from './cannon-protocol';

export type { CannonJob, CannonRequests, CannonResult } from './cannon-protocol';

export interface CannonRun {
  job: CannonJob;
  /** Each 2xx response: its Idempotency-Key and wall-clock time (performance.timeOrigin + now). */
  onOk?: (key: string, atMs: number) => void;
}

export interface CannonOutcome {
  result: CannonResult;
  /** Requests taken from `job.requests` (index `start` up to `start + consumed`). */
  consumed: number;
  /** The load generator's own peak RSS (reported, not counted as the engine's). */
  workerRssBytes: number;
}

const REPO_ROOT = join(__dirname, '..', '..', '..');
const BOOT = `require(${JSON.stringify(join(REPO_ROOT, 'scripts', 'register-ts'))})(require(${JSON.stringify(join(REPO_ROOT, 'scripts', 'swc-options'))}).swcOptions);`
  + `require(${JSON.stringify(join(__dirname, 'cannon-worker.ts'))});`;

/**
 * autocannon in a child process (cannon-worker.ts), so the engine process measured here holds
 * only the engine: its CPU and RSS are no longer shared with the load generator.
 */
export function cannon(run: CannonRun): Promise<CannonOutcome> {
  return new Promise((resolve, reject) => {
    const worker = fork('-e', [BOOT], { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // fork('-e') runs `node -e BOOT`: the module path is the flag, the code its argument.
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'created') for (const [key, at] of message.items) run.onOk?.(key, at);
      else if (message.type === 'done') {
        settled = true;
        resolve({ result: message.result, consumed: message.consumed, workerRssBytes: message.rssBytes });
      } else {
        settled = true;
        reject(new Error(`autocannon: ${message.message}`));
      }
    });
    worker.on('error', (error) => { if (!settled) { settled = true; reject(error); } });
    worker.on('exit', (code) => { if (!settled) { settled = true; reject(new Error(`autocannon worker exited with ${code}`)); } });
    worker.send(run.job);
  });
}
