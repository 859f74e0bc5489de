import type { Pool } from 'pg';
import { ledgerHead } from '../chain/checkpoints';
import { verifyLedger } from './ledger-pass';
import { verifyStreams } from './stream-pass';
import { IssueCollector, type VerificationProgress, type VerificationReport } from './verification.types';
import { verifyAgainstWitness } from './witness-pass';

export interface VerifyAuditTrailOptions {
  onProgress?: (progress: VerificationProgress) => void;
  /** Public keys (PEM) by key id that checkpoints must verify with; default: those stored. */
  trustedKeys?: ReadonlyMap<string, string>;
  now?: () => Date;
  /** Worker threads for the stream pass (default: the CPU count, max 4, for large stores; 0: none). */
  workers?: number;
}

/**
 * Verifies the whole store: (1) every stream's hash chain from the events' content, (2) the
 * events against the witness ledger position by position, (3) the ledger's global chain
 * against the signed checkpoints. The three passes run concurrently on separate connections.
 * Read-only; the answer names the first broken global position, or says OK.
 */
export async function verifyAuditTrail(pool: Pool, options: VerifyAuditTrailOptions = {}): Promise<VerificationReport> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const issues = new IssueCollector();
  const total = Number((await pool.query<{ n: string }>('SELECT count(*)::text AS n FROM events')).rows[0].n);
  const head = await ledgerHead(pool);
  const [streams, ledger] = await Promise.all([
    verifyStreams(pool, issues, total, { onProgress: options.onProgress, workers: options.workers }),
    verifyLedger(pool, issues, { trustedKeys: options.trustedKeys, onProgress: options.onProgress }),
    pool.connect().then(async (client) => {
      try {
        await verifyAgainstWitness(client, head, issues);
      } finally {
        client.release();
      }
      options.onProgress?.({ phase: 'witness', done: 1, total: 1 });
    }),
  ]);
  const sorted = issues.sorted();
  const last = ledger.checkpoints.at(-1);
  return {
    status: issues.count === 0 ? 'ok' : 'broken',
    checkedAt: now().toISOString(),
    durationMs: Date.now() - started,
    eventsChecked: streams.events,
    streamsChecked: streams.streams,
    witnessedEvents: ledger.witnessed,
    checkpointsChecked: ledger.checkpoints.length,
    lastCheckpoint: last
      ? { eventCount: last.eventCount.toString(), position: last.globalPosition.toString(), chainHash: last.chainHash,
          createdAt: last.createdAt.toISOString(), keyId: last.keyId }
      : null,
    firstBroken: sorted[0] ?? null,
    issueCount: issues.count,
    issues: sorted.slice(0, 100),
  };
}
