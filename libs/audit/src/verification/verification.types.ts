/** What a verification can find wrong, each tied to a global position where one exists. */
export const VERIFICATION_ISSUE_KINDS = [
  /** The stored hash does not match the event's content (data, metadata, type, ids or times). */
  'content-changed',
  /** An event's prev_hash is not its predecessor's hash in the stream. */
  'chain-link-broken',
  /** An event is gone: a version missing in a stream, or a witnessed position now empty. */
  'event-missing',
  /** An event that was never there: beyond its stream's head, or unwitnessed inside the witnessed log. */
  'event-inserted',
  /** An event moved: another event now holds a witnessed position, or its log order changed. */
  'event-reordered',
  /** The streams table's head (version, last hash) disagrees with the stream's events. */
  'stream-head-mismatch',
  /** The witness ledger itself was changed (its chain does not recompute). */
  'ledger-altered',
  /** A signed checkpoint does not match the recomputed chain. */
  'checkpoint-mismatch',
  /** A checkpoint's signature does not verify with the key it names. */
  'signature-invalid',
] as const;
export type VerificationIssueKind = (typeof VERIFICATION_ISSUE_KINDS)[number];

export interface VerificationIssue {
  kind: VerificationIssueKind;
  /** Global position (decimal string) of the broken event; null when none applies. */
  position: string | null;
  streamId?: string;
  version?: number;
  eventId?: string;
  detail: string;
}

export interface VerificationProgress {
  phase: 'streams' | 'witness' | 'ledger';
  done: number;
  total: number;
}

export interface VerificationReport {
  status: 'ok' | 'broken';
  checkedAt: string;
  durationMs: number;
  eventsChecked: number;
  streamsChecked: number;
  /** Events covered by the witness ledger (and so by signed checkpoints up to the last one). */
  witnessedEvents: number;
  checkpointsChecked: number;
  lastCheckpoint: { eventCount: string; position: string; chainHash: string; createdAt: string; keyId: string } | null;
  /** The issue at the lowest global position (the first broken position), or null. */
  firstBroken: VerificationIssue | null;
  issueCount: number;
  /** Up to 100 issues, by position. */
  issues: VerificationIssue[];
}

/** Collects issues; keeps the total count but only the first few hundred rows. */
export class IssueCollector {
  private readonly kept: VerificationIssue[] = [];
  count = 0;

  add(issue: VerificationIssue): void {
    this.count += 1;
    if (this.kept.length < 1000) this.kept.push(issue);
  }

  /** By position (issues without a position last); at one position, in kind order. */
  sorted(): VerificationIssue[] {
    const rank = (kind: VerificationIssueKind) => VERIFICATION_ISSUE_KINDS.indexOf(kind);
    return [...this.kept].sort((a, b) => {
      if (a.position !== b.position) {
        if (a.position === null) return 1;
        if (b.position === null) return -1;
        const diff = BigInt(a.position) - BigInt(b.position);
        if (diff !== 0n) return diff < 0n ? -1 : 1;
      }
      return rank(a.kind) - rank(b.kind);
    });
  }
}
