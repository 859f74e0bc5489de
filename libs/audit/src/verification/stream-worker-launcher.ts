import { existsSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ClientConfig } from 'pg';
import type { PositionRange, RangeResult } from './stream-range';

const YOUNG_GENERATION_MB = 64;

/**
 * Runs stream-range.worker in a worker thread. Built code (dist, .js) is required directly;
 * from TypeScript sources (bench, tests) the worker first registers the repository's SWC hook.
 */
export function runRangeWorker(connection: ClientConfig, range: PositionRange, snapshot: string, onProgress: (events: number) => void): Promise<RangeResult> {
  const extension = extname(__filename);
  const file = join(__dirname, `stream-range.worker${extension}`);
  const root = extension === '.ts' ? repositoryRoot(__dirname) : null;
  const code = `
    const { workerData } = require('node:worker_threads');
    if (workerData.root) require(workerData.root + '/scripts/register-ts')(require(workerData.root + '/scripts/swc-options').swcOptions);
    require(workerData.file);`;
  return new Promise((resolve, reject) => {
    // A young generation large enough that a FETCH's rows die young instead of being promoted
    // (and then collected by full GCs).
    const worker = new Worker(code, { eval: true, workerData: { connection, range, snapshot, file, root }, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let result: RangeResult | null = null;
    worker.on('message', (message: { progress?: number; result?: RangeResult; error?: string }) => {
      if (message.progress) onProgress(message.progress);
      if (message.result) result = message.result;
      if (message.error) reject(new Error(`stream verification worker failed: ${message.error}`));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`stream verification worker exited (${code}) without a result`))));
  });
}

function repositoryRoot(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'register-ts.js'))) return dir;
  }
  throw new Error('stream verification: cannot find scripts/register-ts.js to run the worker from TypeScript sources');
}
