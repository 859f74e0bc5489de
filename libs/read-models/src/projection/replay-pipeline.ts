import type { LogPosition, RecordedEvent } from '@rectify/event-store';
import type { Projector } from './projector';

/** One batch of the log: the events just after `from`, up to `last` (empty: the end). */
export interface ReplayBatch {
  from: LogPosition;
  last: LogPosition;
  events: readonly RecordedEvent[];
}

interface ReadBatch extends ReplayBatch {
  /** The event types in it. */
  types: ReadonlySet<string>;
}

export interface ReplayPipelineOptions {
  projectors: readonly Projector[];
  start: LogPosition;
  /** Reads the events after a position (one batch). */
  read(after: LogPosition): Promise<readonly RecordedEvent[]>;
  /** Applies a batch for one projector in its own transaction; false: its checkpoint went back. */
  apply(projector: Projector, batch: ReplayBatch): Promise<boolean>;
  /** Batches applied at once (each holds a connection). */
  connections: number;
  /** How many batches the fastest projector may run ahead of the slowest (batches held in memory). */
  window: number;
}

/**
 * The one-pass replay without a barrier per batch: the log is read once, batch after batch,
 * and every projector applies the batches in log order at its own pace, up to `window`
 * batches ahead of the slowest one. At most `connections` batches are applied at once; a
 * free connection goes to the projector furthest behind (ties: the one whose last batch took
 * longest), so the slowest projector never waits for the others — the replay takes about as
 * long as the slowest projector alone, not the sum of every batch's slowest projector.
 *
 * Ends with 'done' at the end of the log, or 'behind' as soon as some projector's checkpoint
 * went back (another rebuild reset it): in-flight batches finish, nothing more starts, and
 * the caller replays again from the lowest checkpoint. The first error stops it the same way
 * and is rethrown.
 */
export class ReplayPipeline {
  private readonly batches = new Map<number, Promise<ReadBatch>>();
  private readonly progress: number[];
  private readonly lastDurationMs: number[];
  private readonly waiting: { index: number; projector: number; wake: () => void }[] = [];
  private readonly readWaiters: (() => void)[] = [];
  private busy = 0;
  private stopped: 'behind' | { error: unknown } | null = null;

  constructor(private readonly options: ReplayPipelineOptions) {
    this.progress = options.projectors.map(() => 0);
    this.lastDurationMs = options.projectors.map(() => 0);
  }

  async run(): Promise<'done' | 'behind'> {
    await Promise.all(this.options.projectors.map((_, p) => this.follow(p)));
    if (this.stopped === 'behind') return 'behind';
    if (this.stopped) throw this.stopped.error;
    return 'done';
  }

  /**
   * One projector's pass. Batches without any of the types it folds (projector.eventTypes;
   * none listed = every type) cost it no transaction: they are handed over with its next
   * batch that has some (or, at the end, as an empty batch), whose `from` then goes back to
   * the first one skipped — so its checkpoint still moves over every event, in one step.
   */
  private async follow(p: number): Promise<void> {
    const projector = this.options.projectors[p];
    const folds = projector.eventTypes.length === 0 ? null : projector.eventTypes;
    // The batches skipped since its last transaction: from the start of the first to the end of the last.
    let skippedFrom: LogPosition | null = null;
    let skippedLast: LogPosition | null = null;
    for (let index = 0; !this.stopped; index++) {
      let batch: ReadBatch;
      try {
        batch = await this.batch(index);
      } catch (error) {
        this.stop({ error });
        return;
      }
      const atEnd = batch.events.length === 0;
      if (this.stopped || (atEnd && !skippedFrom)) return;
      if (!atEnd && folds && !folds.some((type) => batch.types.has(type))) {
        skippedFrom ??= batch.from;
        skippedLast = batch.last;
      } else {
        await this.applyOne(index, p, { from: skippedFrom ?? batch.from, last: atEnd ? skippedLast! : batch.last, events: batch.events });
        skippedFrom = skippedLast = null;
        if (atEnd) return;
      }
      this.progress[p] = index + 1;
      this.forget();
    }
  }

  private async applyOne(index: number, p: number, batch: ReplayBatch): Promise<void> {
    await this.acquire(index, p);
    try {
      if (this.stopped) return;
      const began = Date.now();
      if (!(await this.options.apply(this.options.projectors[p], batch))) this.stop('behind');
      this.lastDurationMs[p] = Date.now() - began;
    } catch (error) {
      this.stop({ error });
    } finally {
      this.release();
    }
  }

  /** Batch `index`, read after the one before it, once every projector is within `window` of it. */
  private batch(index: number): Promise<ReadBatch> {
    let batch = this.batches.get(index);
    if (!batch) {
      const previous = index === 0 ? Promise.resolve(null) : this.batch(index - 1);
      batch = previous.then(async (before) => {
        while (index - Math.min(...this.progress) > this.options.window && !this.stopped) await new Promise<void>((wake) => this.readWaiters.push(wake));
        const from = before ? before.last : this.options.start;
        if ((before && before.events.length === 0) || this.stopped) return { from, last: from, events: [], types: new Set<string>() };
        const events = await this.options.read(from);
        return { from, last: events.length > 0 ? events[events.length - 1].logPosition : from, events, types: new Set(events.map((e) => e.type)) };
      });
      batch.catch(() => undefined); // awaited by every follower; a failure is handled there
      this.batches.set(index, batch);
    }
    return batch;
  }

  /** Drops the batches every projector is done with, and lets the reader go on. */
  private forget(): void {
    const slowest = Math.min(...this.progress);
    for (const index of this.batches.keys()) if (index < slowest - 1) this.batches.delete(index);
    for (const wake of this.readWaiters.splice(0)) wake();
  }

  private acquire(index: number, projector: number): Promise<void> {
    if (this.busy < this.options.connections) {
      this.busy += 1;
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ index, projector, wake }));
  }

  private release(): void {
    if (this.waiting.length === 0) {
      this.busy -= 1;
      return;
    }
    // The connection passes on (busy unchanged) to the projector furthest behind.
    let best = 0;
    for (let i = 1; i < this.waiting.length; i++) {
      const [a, b] = [this.waiting[i], this.waiting[best]];
      if (a.index < b.index || (a.index === b.index && this.lastDurationMs[a.projector] > this.lastDurationMs[b.projector])) best = i;
    }
    this.waiting.splice(best, 1)[0].wake();
  }

  private stop(reason: 'behind' | { error: unknown }): void {
    this.stopped ??= reason;
    for (const wake of this.readWaiters.splice(0)) wake();
  }
}
