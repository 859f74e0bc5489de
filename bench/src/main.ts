import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { appendWorkload } from './append/append-workload';
import { catchUpWorkload } from './catch-up/catch-up-workload';
import { httpWorkload } from './http/http-workload';
import { parseBenchOptions } from './bench-options';
import { startupWorkload } from './startup/startup-workload';
import { startBenchPostgres } from './support/bench-postgres';
import { progress } from './support/progress';
import { renderTable, type Table } from './support/table';

/** `npm run bench`: one embedded PostgreSQL, one table per workload, bench/results/latest.json. */
export async function main(argv: string[]): Promise<number> {
  const options = parseBenchOptions(argv);
  const startedAt = new Date();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAtStart: loadavg().map((l) => Number(l.toFixed(2))) };
  progress(`mode ${options.quick ? 'quick' : 'full'}; workloads ${options.only.join(', ')}; ${machine.cpus} CPUs (${machine.cpuModel}), load ${machine.loadAtStart.join(' ')}`);
  const pg = await startBenchPostgres();
  progress(`embedded PostgreSQL ${pg.settings.server_version} in ${pg.settings.data_directory}; default settings: fsync=${pg.settings.fsync}, synchronous_commit=${pg.settings.synchronous_commit}, wal_sync_method=${pg.settings.wal_sync_method}, shared_buffers=${pg.settings.shared_buffers}`);
  process.stdout.write(`\nPostgreSQL ${pg.settings.server_version}, embedded, default settings (fsync=${pg.settings.fsync}, synchronous_commit=${pg.settings.synchronous_commit}, wal_sync_method=${pg.settings.wal_sync_method}); ${machine.cpus} CPUs ${machine.cpuModel}; load at start ${machine.loadAtStart.join(' ')} (the machine is shared: compare ratios within a run)\n`);
  const tables: Table[] = [];
  const results: Record<string, unknown> = {};
  try {
    if (options.only.includes('append')) {
      const append = await appendWorkload(pg, { secondsPerCell: options.appendSecondsPerCell, rounds: options.appendRounds });
      results.append = append.cells;
      tables.push(append.table);
      process.stdout.write(`\n${renderTable(append.table)}\n`);
    }
    if (options.only.includes('http')) {
      const http = await httpWorkload(pg, options.httpSeconds);
      Object.assign(results, { http: http.http, projectionLag: http.lag, engineRssMb: http.rssMb, engineRss: http.engineRss, loadGeneratorRssMb: http.workerRssMb });
      for (const table of http.tables) {
        tables.push(table);
        process.stdout.write(`\n${renderTable(table)}\n`);
      }
    }
    if (options.only.includes('catch-up')) {
      const catchUp = await catchUpWorkload(pg, options.rebuildEvents, options.quick);
      results.catchUp = catchUp.result;
      tables.push(catchUp.table);
      process.stdout.write(`\n${renderTable(catchUp.table)}\n`);
    }
  } finally {
    await pg.stop();
  }
  if (options.only.includes('startup')) {
    const startup = await startupWorkload();
    results.startup = startup.result;
    tables.push(startup.table);
    process.stdout.write(`\n${renderTable(startup.table)}\n`);
  }
  const report = { startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), mode: options.quick ? 'quick' : 'full', machine: { ...machine, loadAtEnd: loadavg().map((l) => Number(l.toFixed(2))) }, postgres: pg.settings, results, tables };
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  progress(`wrote bench/results/latest.json (${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s)`);
  return 0;
}
