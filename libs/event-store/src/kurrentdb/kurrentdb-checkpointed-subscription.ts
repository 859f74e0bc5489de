import type { PoolClient } from 'pg';
import type { EventStore, LogPosition, RecordedEvent } from '../event-store.port';
import { compareLogPositions } from '../log-position';
import {
  ensureCheckpoint, lockCheckpoint, readCheckpoint, recordFailure, resetWithEffects, saveCheckpoint,
} from '../subscription/checkpoint-store';
import { InterruptibleSleep } from '../subscription/interruptible-sleep';
import type { CheckpointedSubscriptionOptions, SubscriptionStatus } from '../subscription/subscription.types';
import { inTransaction } from './kurrentdb-transaction';

export interface KurrentDbSubscriptionOptions extends CheckpointedSubscriptionOptions {
  /** The KurrentDB event store: events are read from its $all. */
  store: EventStore;
}

/**
 * The counterpart of CheckpointedSubscription when events live in KurrentDB: same options,
 * same surface (start, stop, catchUp, reset, status), same guarantee. Each batch is read from
 * KurrentDB's $all after the checkpoint, handled, and the checkpoint saved in ONE PostgreSQL
 * transaction that row-locks the checkpoint: effects written through `tx` are exactly-once
 * and instances take turns. KurrentDB's $all needs no gap-free horizon (commits are in log
 * order), so a batch is whatever follows the checkpoint. A failing batch is narrowed to one
 * event, recorded (status/health) and retried with capped backoff, never skipped.
 * Live delivery: `wakeUp` (KurrentDbWakeUp, a catch-up subscription to $all) or polling.
 */
export class KurrentDbCheckpointedSubscription {
  private readonly sleeper = new InterruptibleSleep();
  private loop: Promise<void> | null = null;
  private running = false;
  private failures = 0;
  private narrowUntil: LogPosition | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly options: KurrentDbSubscriptionOptions) {}

  get name(): string {
    return this.options.name;
  }

  async start(): Promise<void> {
    if (this.running) return;
    await ensureCheckpoint(this.options.pool, this.name);
    this.running = true;
    this.unsubscribe = this.options.wakeUp?.onWake(() => this.sleeper.wake()) ?? null;
    this.loop = this.runLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.sleeper.stop();
    await this.loop;
    this.loop = null;
  }

  /** Processes everything committed before the call; rejects with a batch's error. */
  async catchUp(): Promise<void> {
    await ensureCheckpoint(this.options.pool, this.name);
    const target = await this.options.store.headPosition();
    for (;;) {
      const outcome = await this.step();
      if (outcome.kind === 'failed' && !outcome.isolating) throw outcome.error;
      if (outcome.kind === 'idle' || (outcome.kind === 'progressed' && compareLogPositions(outcome.position, target) >= 0)) return;
    }
  }

  async reset(clearEffects?: (tx: PoolClient) => Promise<void>): Promise<void> {
    this.narrowUntil = null;
    this.failures = 0;
    await resetWithEffects(this.options.pool, this.name, clearEffects);
  }

  async status(): Promise<SubscriptionStatus> {
    await ensureCheckpoint(this.options.pool, this.name);
    const state = await readCheckpoint(this.options.pool, this.name);
    if (!state) throw new Error(`Subscription checkpoint ${this.name} vanished`);
    const { position, lastError, errorPosition, failedAttempts, updatedAt } = state;
    const next = await this.options.store.readAll({ after: position, limit: 1, types: this.options.types });
    return { name: this.name, position, lagging: next.length > 0, lastError, errorPosition, failedAttempts, updatedAt };
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      const outcome = await this.step();
      if (!this.running) return;
      if (outcome.kind === 'progressed' || (outcome.kind === 'failed' && outcome.isolating)) continue;
      if (outcome.kind === 'idle') await this.sleeper.sleep(this.options.pollIntervalMs ?? 500, true);
      else await this.sleeper.sleep(this.backoffMs(), false);
    }
  }

  private backoffMs(): number {
    const initial = this.options.initialBackoffMs ?? 100;
    return Math.min(this.options.maxBackoffMs ?? 30_000, initial * 2 ** Math.min(this.failures - 1, 30));
  }

  private async step(): Promise<
    { kind: 'idle' } | { kind: 'progressed'; position: LogPosition } | { kind: 'failed'; error: unknown; isolating: boolean }
  > {
    let batch: RecordedEvent[] = [];
    try {
      const position = await inTransaction(this.options.pool, async (tx) => {
        const after = await lockCheckpoint(tx, this.name);
        const narrow = this.narrowUntil !== null && compareLogPositions(after, this.narrowUntil) < 0;
        batch = await this.options.store.readAll({ after, limit: narrow ? 1 : (this.options.batchSize ?? 100), types: this.options.types });
        if (batch.length === 0) return null;
        await this.options.handle(batch, tx);
        const last = batch[batch.length - 1].logPosition;
        await saveCheckpoint(tx, this.name, last);
        return last;
      });
      if (!position) return { kind: 'idle' };
      this.failures = 0;
      if (this.narrowUntil && compareLogPositions(position, this.narrowUntil) >= 0) this.narrowUntil = null;
      return { kind: 'progressed', position };
    } catch (error) {
      this.failures += 1;
      const isolating = batch.length > 1;
      if (isolating) this.narrowUntil = batch[batch.length - 1].logPosition;
      this.options.onError?.(error, this.name);
      await recordFailure(this.options.pool, this.name, error, batch[0]?.logPosition ?? null).catch(() => undefined);
      return { kind: 'failed', error, isolating };
    }
  }
}
