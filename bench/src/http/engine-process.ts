import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..', '..');
export const ENGINE_MAIN = join(REPO_ROOT, 'dist', 'apps', 'engine', 'src', 'main.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ENGINE_NODE_FLAGS } = require(join(REPO_ROOT, 'scripts', 'engine-node-flags')) as { ENGINE_NODE_FLAGS: string[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require(join(REPO_ROOT, 'scripts', 'build')) as { build(options: { quiet: boolean }): Promise<unknown> };

/** The built engine (dist/, as `npm start` and the image run it) in its own process. */
export interface EngineProcess {
  pid: number;
  flags: readonly string[];
  /** Resident set size now, from /proc (Linux); 0 elsewhere. */
  rssBytes(): number;
  /** Peak resident set size since start (VmHWM), from /proc (Linux); 0 elsewhere. */
  peakRssBytes(): number;
  stop(): Promise<void>;
}

/**
 * Builds dist/ (the same SWC build `npm start` runs) and starts dist/apps/engine/src/main.js with
 * ENGINE_NODE_FLAGS (scripts/engine-node-flags.js) and `env`; resolves once /health answers.
 * BENCH_ENGINE_NODE_FLAGS (space-separated) replaces the flags, to compare settings.
 */
export async function startEngineProcess(env: Record<string, string>, healthUrl: string): Promise<EngineProcess> {
  await build({ quiet: true });
  const flags = process.env.BENCH_ENGINE_NODE_FLAGS !== undefined ? process.env.BENCH_ENGINE_NODE_FLAGS.split(' ').filter(Boolean) : ENGINE_NODE_FLAGS;
  const child: ChildProcess = spawn(process.execPath, [...flags, ENGINE_MAIN], {
    cwd: env.DATA_DIR, // no .env is read from here: the bench passes every setting
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => { exited = true; resolve(); }));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`engine process exited during start-up (${child.exitCode ?? child.signalCode})`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error('engine process: /health did not answer within 60 s'); }
    if (await fetch(healthUrl).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const pid = child.pid as number;
  return {
    pid,
    flags,
    rssBytes: () => procStatusKb(pid, 'VmRSS') * 1024,
    peakRssBytes: () => procStatusKb(pid, 'VmHWM') * 1024,
    async stop() {
      if (!exited) child.kill('SIGTERM');
      const timer = setTimeout(() => { if (!exited) child.kill('SIGKILL'); }, 10_000);
      await exit;
      clearTimeout(timer);
    },
  };
}

function procStatusKb(pid: number, field: string): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
