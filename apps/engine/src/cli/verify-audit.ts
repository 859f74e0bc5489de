import { migrateAudit, verifyAuditTrail, type VerificationProgress, type VerificationReport } from '@rectify/audit';
import { migratePostgresEventStore } from '@rectify/event-store';
import { ConfigError } from '../config';
import { eventStoreSelectionFromEnv } from '../event-sourcing/event-store-selection';
import { openCliDatabase } from './cli-database';

/**
 * `npm run audit:verify [-- --json] [-- --workers=N]`: recomputes every stream's hash chain, compares the events
 * with the witness ledger and checks every signed checkpoint. Prints progress on long runs and
 * either OK or the first broken position. Exit code: 0 OK, 1 broken, 2 could not verify.
 */
async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const workersArg = process.argv.find((a) => a.startsWith('--workers='))?.split('=')[1];
  const workers = workersArg === undefined ? undefined : Number(workersArg);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= 16)) throw new ConfigError(['--workers must be an integer from 0 to 16']);
  const db = await openCliDatabase(); // loads the configuration (.env included) into process.env
  try {
    if (eventStoreSelectionFromEnv(process.env).kind === 'kurrentdb') {
      // It reads PostgreSQL's `events` table: with KurrentDB that table holds no events, and an OK over nothing would mislead.
      throw new ConfigError(['audit:verify reads the PostgreSQL event store; EVENTSTORE_URL points at KurrentDB, whose events it cannot verify']);
    }
    process.stderr.write(`Verifying the audit trail in ${db.describe}\n`);
    await migratePostgresEventStore(db.pool);
    await migrateAudit(db.pool);
    const progress = new Map<string, VerificationProgress>();
    const ticker = setInterval(() => printProgress(progress), 1000);
    let report: VerificationReport;
    try {
      report = await verifyAuditTrail(db.pool, { onProgress: (p) => progress.set(p.phase, p), workers });
    } finally {
      clearInterval(ticker);
    }
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : describe(report));
    process.exitCode = report.status === 'ok' ? 0 : 1;
  } finally {
    await db.close();
  }
}

function printProgress(progress: Map<string, VerificationProgress>): void {
  const streams = progress.get('streams');
  const ledger = progress.get('ledger');
  const parts = [
    streams ? `streams ${streams.done.toLocaleString('en')}/${streams.total.toLocaleString('en')} events` : 'streams …',
    ledger ? `witness ledger ${ledger.done.toLocaleString('en')} entries` : 'witness ledger …',
    progress.has('witness') ? 'witness comparison done' : 'witness comparison …',
  ];
  process.stderr.write(`  … ${parts.join(' · ')}\n`);
}

function describe(report: VerificationReport): string {
  const lines = [
    `${report.eventsChecked.toLocaleString('en')} events in ${report.streamsChecked.toLocaleString('en')} streams checked in ${(report.durationMs / 1000).toFixed(1)} s; ` +
      `${report.witnessedEvents.toLocaleString('en')} witnessed, ${report.checkpointsChecked.toLocaleString('en')} signed checkpoints checked`,
  ];
  if (report.lastCheckpoint) {
    const c = report.lastCheckpoint;
    lines.push(`Last checkpoint: ${c.eventCount} events, position ${c.position}, chain ${c.chainHash}, ${c.createdAt}, key ${c.keyId}`);
  }
  const unwitnessed = report.eventsChecked - report.witnessedEvents;
  if (unwitnessed > 0) lines.push(`${unwitnessed.toLocaleString('en')} event(s) not yet witnessed: covered by their stream chains only until the engine's audit:chain subscription reaches them`);
  if (report.status === 'ok') {
    lines.push('OK: every hash chain recomputes and the store extends every signed checkpoint.');
  } else {
    const first = report.firstBroken;
    lines.push(`BROKEN: ${report.issueCount} issue(s). First broken position: ${first?.position ?? 'unknown'}`);
    for (const issue of report.issues.slice(0, 20)) {
      lines.push(`  [${issue.kind}] position ${issue.position ?? '?'}${issue.streamId ? ` ${issue.streamId}` : ''}${issue.version ? ` v${issue.version}` : ''}` +
        `${issue.eventId ? ` event ${issue.eventId}` : ''}: ${issue.detail}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`audit:verify failed: ${message}\n`);
  process.exit(2);
});
