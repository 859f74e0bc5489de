import { loadavg } from 'node:os';
import type { BenchPostgres } from '../support/bench-postgres';
import { progress } from '../support/progress';
import { round, summarise } from '../support/stats';
import type { Table } from '../support/table';
import type { AppendContender } from './append-contender';
import { BareInsertContender } from './bare-insert.contender';
import { benchEvents, newStreamId } from './bench-events';
import { EmmettContender } from './emmett.contender';
import { MessageDbContender } from './message-db.contender';
import { RectifyContender } from './rectify.contender';
import { runWriters } from './run-writers';

export interface AppendCell {
  contender: string;
  writers: number;
  batch: number;
  eventsPerSecond: number;
  appendsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ratioToBare: number;
  errors: number;
  firstError: string | null;
  load1: number;
}

export const WRITERS = [1, 8, 32] as const;
export const BATCHES = [1, 10] as const;

/**
 * Workload 1. Every cell runs each contender back to back (bare INSERT first), `rounds` times,
 * interleaved, so drifting machine load hits all contenders alike; the ratio to bare INSERT
 * is taken within the same run. Each contender has its own database on the one server.
 */
export async function appendWorkload(pg: BenchPostgres, options: { secondsPerCell: number; rounds: number }): Promise<{ cells: AppendCell[]; table: Table }> {
  const contenders: AppendContender[] = [
    new BareInsertContender(), new RectifyContender(true), new RectifyContender(false), new EmmettContender(), new MessageDbContender(),
  ];
  for (const [index, contender] of contenders.entries()) {
    progress(`append: installing ${contender.name}`);
    await contender.install(await pg.createDatabase(`bench_append_${index}`));
  }
  const samples = new Map<string, { events: number; appends: number; seconds: number; latencies: number[]; errors: number; firstError: string | null; loads: number[] }>();
  for (let round = 1; round <= options.rounds; round++) {
    for (const batch of BATCHES) {
      for (const writers of WRITERS) {
        for (const contender of contenders) {
          const key = `${contender.name}|${writers}|${batch}`;
          await contender.open(writers);
          await runWriters({ writers, batch, durationMs: 300, makeEvents: benchEvents, newStream: newStreamId, append: (s, e) => contender.append(s, e) });
          const r = await runWriters({ writers, batch, durationMs: options.secondsPerCell * 1000, makeEvents: benchEvents, newStream: newStreamId, append: (s, e) => contender.append(s, e) });
          await contender.close();
          const sample = samples.get(key) ?? { events: 0, appends: 0, seconds: 0, latencies: [], errors: 0, firstError: null, loads: [] };
          sample.events += r.events;
          sample.appends += r.appends;
          sample.seconds += r.seconds;
          sample.latencies.push(...r.latenciesMs);
          sample.errors += r.errors;
          sample.firstError ??= r.firstError;
          sample.loads.push(loadavg()[0]);
          samples.set(key, sample);
          progress(`append round ${round}/${options.rounds}: ${contender.name}, ${writers} writer(s) × ${batch} event(s): ${Math.round(r.events / r.seconds)} events/s${r.errors ? `, ${r.errors} errors (${r.firstError})` : ''}`);
        }
      }
    }
  }
  const cells: AppendCell[] = [];
  for (const batch of BATCHES) {
    for (const writers of WRITERS) {
      const bare = samples.get(`${contenders[0].name}|${writers}|${batch}`)!;
      const bareRate = bare.events / bare.seconds;
      for (const contender of contenders) {
        const s = samples.get(`${contender.name}|${writers}|${batch}`)!;
        const latency = summarise(s.latencies);
        cells.push({
          contender: contender.name, writers, batch,
          eventsPerSecond: round(s.events / s.seconds, 0),
          appendsPerSecond: round(s.appends / s.seconds, 0),
          p50Ms: round(latency.p50), p99Ms: round(latency.p99),
          ratioToBare: round(s.events / s.seconds / bareRate),
          errors: s.errors, firstError: s.firstError,
          load1: round(s.loads.reduce((a, b) => a + b, 0) / s.loads.length),
        });
      }
    }
  }
  return { cells, table: appendTable(cells, contenders, options) };
}

function appendTable(cells: AppendCell[], contenders: AppendContender[], options: { secondsPerCell: number; rounds: number }): Table {
  return {
    title: 'Workload 1 — Append (new stream per append)',
    columns: ['writers', 'events/append', 'store', 'events/s', 'p50 ms', 'p99 ms', '× bare INSERT', 'load'],
    rows: cells.map((c) => [c.writers, c.batch, c.contender, c.eventsPerSecond, c.p50Ms, c.p99Ms, `${c.ratioToBare.toFixed(2)}×${c.errors ? ` (${c.errors} errors)` : ''}`, c.load1]),
    notes: [
      `Each cell: ${options.rounds} round(s) × ${options.secondsPerCell} s per store after a 0.3 s warm-up, stores interleaved; latency is per append; load = 1-minute load average while measuring.`,
      ...contenders.map((c) => `- ${c.name}: ${c.describe}`),
    ],
  };
}
