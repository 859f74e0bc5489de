import type { Projector } from '@rectify/read-models';
import { auditProjectors, digestDifferences, migrateAudit, tableDigests } from '@rectify/audit';
import { headPositionWith, migratePostgresEventStore } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels, readModelProjectors } from '@rectify/read-models';
import { ConfigError } from '../config';
import { openCliDatabase } from './cli-database';

/**
 * `npm run projections:rebuild`: empties every read model, replays the whole event log from
 * position 0 and prints progress. Live engines may keep running: each projector's tables
 * are cleared in the same transaction that resets its checkpoint. Each read-model table's
 * content digest is taken before (after catching up) and after: they must be identical.
 */
async function main(): Promise<void> {
  const db = await openCliDatabase();
  process.stdout.write(`Rebuilding read models in ${db.describe}\n`);
  try {
    await migratePostgresEventStore(db.pool);
    await migrateReadModels(db.pool);
    await migrateAudit(db.pool);
    const counts = new Map<string, number>();
    const projectors = [...readModelProjectors(), ...auditProjectors()].map((p) => counting(p, counts));
    const runner = new ProjectionRunner({ pool: db.pool, projectors, batchSize: 1000 });
    const tables = projectors.flatMap((p) => p.tables);
    await runner.catchUp();
    const headBefore = await headPositionWith(db.pool);
    const before = await tableDigests(db.pool, tables);
    for (const counter of counts.keys()) counts.set(counter, 0);
    const started = Date.now();
    const ticker = setInterval(() => printProgress(counts, started), 1000);
    try {
      await runner.rebuild(({ projection, phase }) => {
        if (phase === 'indexing') process.stdout.write(`  ${projection}: replayed after ${((Date.now() - started) / 1000).toFixed(1)} s, building its indexes\n`);
        if (phase === 'caught-up') process.stdout.write(`  ${projection}: ${(counts.get(projection) ?? 0).toLocaleString('en')} events replayed\n`);
      });
    } finally {
      clearInterval(ticker);
    }
    const seconds = (Date.now() - started) / 1000;
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    process.stdout.write(`Done: ${projectors.length} read models, ${total.toLocaleString('en')} events in ${seconds.toFixed(1)} s\n`);
    const after = await tableDigests(db.pool, tables);
    for (const d of after) process.stdout.write(`  ${d.table}: ${d.rows.toLocaleString('en')} rows, digest ${d.digest}\n`);
    const headAfter = await headPositionWith(db.pool);
    const differ = digestDifferences(before, after);
    if (headAfter.commit !== headBefore.commit || headAfter.prepare !== headBefore.prepare) {
      process.stdout.write('Events were appended during the rebuild: before/after digests are not comparable\n');
    } else if (differ.length === 0) {
      process.stdout.write(`Checked: all ${after.length} read-model tables identical before and after\n`);
    } else {
      process.stdout.write(`MISMATCH: ${differ.join(', ')} differ before and after the rebuild\n`);
      process.exitCode = 1;
    }
  } finally {
    await db.close();
  }
}

function counting(projector: Projector, counts: Map<string, number>): Projector {
  counts.set(projector.name, 0);
  // The projector as prototype: its name, tables and other methods (RebuildIndexes) stay reachable.
  return Object.assign(Object.create(projector) as Projector, {
    async project(events: Parameters<Projector['project']>[0], tx: Parameters<Projector['project']>[1]) {
      await projector.project(events, tx);
      counts.set(projector.name, (counts.get(projector.name) ?? 0) + events.length);
    },
  });
}

function printProgress(counts: Map<string, number>, started: number): void {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const rate = total / Math.max((Date.now() - started) / 1000, 0.001);
  process.stdout.write(`  … ${total.toLocaleString('en')} events (${Math.round(rate).toLocaleString('en')}/s)\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`projections:rebuild failed: ${message}\n`);
  process.exit(1);
});
