/** What a queued append claims in a batch: no two appends of one batch share any of these. */
export interface BatchItem {
  /** Stream id, event ids and command key, namespaced (e.g. 's:…', 'e:…', 'c:…'). */
  readonly claims: readonly string[];
  readonly eventCount: number;
}

export interface AppendBatcherLimits {
  /** Batches running at once (each on its own connection). */
  maxInFlight: number;
  /** Events per batch (an append larger than this still goes, alone). */
  maxEvents: number;
}

/**
 * The writer queue of group commit. Appends queue up while earlier batches run; whenever a
 * slot is free, everything queued that does not collide (same stream, event id or command
 * key) with what is already taken goes out as the next batch. No timer: an append arriving at
 * an idle store is sent at once, so a lone writer pays no extra latency. Colliding appends
 * wait for a later batch, and so does anything sharing a claim with them: arrival order is kept.
 */
export class AppendBatcher<T extends BatchItem> {
  private readonly queue: T[] = [];
  private inFlight = 0;

  constructor(
    private readonly runBatch: (batch: T[]) => Promise<void>,
    private readonly limits: AppendBatcherLimits,
  ) {}

  /** Queues the item; `runBatch` settles it (it must never reject). */
  enqueue(item: T): void {
    this.queue.push(item);
    this.pump();
  }

  private pump(): void {
    while (this.inFlight < this.limits.maxInFlight && this.queue.length > 0) {
      const batch = this.take();
      this.inFlight += 1;
      void this.runBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private take(): T[] {
    const batch: T[] = [];
    const claimed = new Set<string>();
    let events = 0;
    for (let index = 0; index < this.queue.length; ) {
      const item = this.queue[index];
      const fits = batch.length === 0 || events + item.eventCount <= this.limits.maxEvents;
      if (!fits) break;
      const collides = item.claims.some((claim) => claimed.has(claim));
      for (const claim of item.claims) claimed.add(claim); // a skipped item blocks what shares a claim with it, too
      if (collides) {
        index += 1;
        continue;
      }
      events += item.eventCount;
      batch.push(item);
      this.queue.splice(index, 1);
    }
    return batch;
  }
}
