import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@rectify/testing';
import { progress, sleep } from '../support/progress';
import { round } from '../support/stats';
import type { Table } from '../support/table';

export interface StartupResult {
  firstStartSeconds: number;
  restartSeconds: number[];
}

/**
 * `npm start` (node scripts/start.js: SWC build, embedded PostgreSQL in DATA_DIR, engine) until
 * GET /health answers 200: once on an empty data directory, then twice on the existing one.
 * This workload starts the engine's own embedded PostgreSQL, so it runs only with --only=startup.
 */
export async function startupWorkload(): Promise<{ result: StartupResult; table: Table }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rectify-bench-start-'));
  chmodSync(dataDir, 0o755);
  try {
    const times: number[] = [];
    for (let run = 0; run < 3; run++) {
      times.push(await startOnce(dataDir));
      progress(`startup: run ${run + 1}: healthy after ${times[run].toFixed(2)} s${run === 0 ? ' (new data directory)' : ''}`);
    }
    const result = { firstStartSeconds: round(times[0]), restartSeconds: times.slice(1).map((t) => round(t)) };
    return {
      result,
      table: {
        title: '`npm start` until GET /health is 200',
        columns: ['data directory', 'seconds'],
        rows: [['new (initdb, migrations, demo seed)', result.firstStartSeconds], ...result.restartSeconds.map((s): [string, number] => ['existing', s])],
      },
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function startOnce(dataDir: string): Promise<number> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const started = performance.now();
  const child = spawn(process.execPath, [join(__dirname, '../../../scripts/start.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (healthy) return (performance.now() - started) / 1000;
      if (performance.now() - started > 120_000) throw new Error('npm start not healthy after 120 s');
      await sleep(25);
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  }
}
