import { Pool } from 'pg';
import { auditProjectors, migrateAudit } from '@rectify/audit';
import { CheckpointedSubscription, PostgresEventStore, migratePostgresEventStore } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels, readModelProjectors } from '@rectify/read-models';
import type { BenchPostgres } from '../support/bench-postgres';
import { timedProjectors } from '../support/timed-projectors';
import { progress } from '../support/progress';
import { round } from '../support/stats';
import type { Table } from '../support/table';
import { fillFindingLog } from './finding-log';

export interface CatchUpResult {
  events: number;
  fillEventsPerSecond: number;
  catchUpEventsPerSecond: number;
  catchUpSeconds: number;
  rebuildEventsPerSecond: number;
  rebuildSeconds: number;
  projections: number;
}

/**
 * Workload 4: a log of `total` finding events; a CheckpointedSubscription with a handler that
 * does nothing but checkpoint reads it from LOG_START (catch-up rate); then
 * ProjectionRunner.rebuild() empties every read model (rm_* views, audit subject index, report
 * figures: what `npm run projections:rebuild` rebuilds) and replays the whole log.
 */
export async function catchUpWorkload(pg: BenchPostgres, total: number, quick: boolean): Promise<{ result: CatchUpResult; table: Table }> {
  const pool = new Pool({ connectionString: await pg.createDatabase('bench_rebuild'), max: 8 });
  try {
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    await migrateAudit(pool);
    progress(`catch-up: writing ${total.toLocaleString('en-US')} finding events${quick ? ' (--quick: 100,000 instead of 1,000,000)' : ''}`);
    const fillStart = performance.now();
    const events = await fillFindingLog(new PostgresEventStore(pool), total);
    const fillSeconds = (performance.now() - fillStart) / 1000;
    await pool.query('VACUUM ANALYZE events');

    progress('catch-up: reading the whole log through CheckpointedSubscription');
    let delivered = 0;
    const subscription = new CheckpointedSubscription({
      name: 'bench-catch-up', pool, batchSize: 500,
      handle: async (batch) => void (delivered += batch.length),
    });
    const catchUpStart = performance.now();
    await subscription.catchUp({ timeoutMs: 600_000 });
    const catchUpSeconds = (performance.now() - catchUpStart) / 1000;
    if (delivered !== events) throw new Error(`catch-up delivered ${delivered} of ${events} events`);

    // Every read model the engine rebuilds: the rm_* views and the audit lib's subject index and report figures.
    const projectors = [...readModelProjectors(), ...auditProjectors()];
    progress(`catch-up: ProjectionRunner.rebuild() of ${projectors.length} read models`);
    const timed = timedProjectors(projectors);
    const runner = new ProjectionRunner({ pool, projectors: timed.projectors });
    const rebuildStart = performance.now();
    await runner.rebuild((p) => progress(`catch-up: rebuild ${p.projection} ${p.phase}`));
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    for (const [name, seconds] of timed.seconds()) if (seconds >= 0.1) progress(`catch-up:   ${name}: ${seconds.toFixed(1)} s inside project()`);
    const result: CatchUpResult = {
      events,
      fillEventsPerSecond: round(events / fillSeconds, 0),
      catchUpEventsPerSecond: round(events / catchUpSeconds, 0),
      catchUpSeconds: round(catchUpSeconds, 1),
      rebuildEventsPerSecond: round(events / rebuildSeconds, 0),
      rebuildSeconds: round(rebuildSeconds, 1),
      projections: projectors.length,
    };
    return { result, table: catchUpTable(result, quick) };
  } finally {
    await pool.end();
  }
}

function catchUpTable(r: CatchUpResult, quick: boolean): Table {
  return {
    title: `Workload 4 — Subscription catch-up and read-model rebuild (${r.events.toLocaleString('en-US')} events${quick ? ', --quick' : ''})`,
    columns: ['what', 'events', 'seconds', 'events/s'],
    rows: [
      ['CheckpointedSubscription catch-up (no-op handler, batch 500)', r.events, r.catchUpSeconds, r.catchUpEventsPerSecond],
      [`ProjectionRunner.rebuild() (${r.projections} read models)`, r.events, r.rebuildSeconds, r.rebuildEventsPerSecond],
    ],
    notes: [
      `The log: finding streams of FindingRecorded + FindingAcknowledged decided by the domain decider, written through PostgresEventStore.append at ${r.fillEventsPerSecond.toLocaleString('en-US')} events/s (group commit, 2,000 appends in flight).`,
      ...(quick ? ['--quick uses 100,000 events; the full run uses 1,000,000.'] : []),
    ],
  };
}
