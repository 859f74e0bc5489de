import type { PoolClient } from 'pg';
import type { LogPosition, RecordedEvent } from '../event-store.port';
import { compareLogPositions } from '../log-position';
import {
  eventsHeldBackWith, latestCommittedPositionWith, readAllWith,
} from '../postgres/event-reads';
import {
  beginAndLockCheckpoint, ensureCheckpoint, readCheckpoint, recordFailure, resetWithEffects, saveCheckpointAndCommit,
} from './checkpoint-store';
import { InterruptibleSleep } from './interruptible-sleep';
import type { CheckpointedSubscriptionOptions, SubscriptionStatus } from './subscription.types';

export type { CheckpointedSubscriptionOptions, SubscriptionHandler, SubscriptionStatus } from './subscription.types';

/** Re-poll delay while committed events wait behind an older, still running transaction. */
const HELD_BACK_POLL_MS = 25;

type StepOutcome =
  | { kind: 'idle'; heldBack: boolean }
  | { kind: 'progressed'; position: LogPosition; full: boolean }
  | { kind: 'failed'; error: unknown; isolating: boolean };

/**
 * A named consumer of the global log (readAll: gap-free, in log order). Each batch runs in one
 * transaction that also saves the checkpoint, so handler effects written through `tx` are
 * exactly-once. A failing batch is retried with capped exponential backoff, never skipped;
 * a failing multi-event batch is first narrowed to single events so the error names the event.
 */
export class CheckpointedSubscription {
  private readonly sleeper = new InterruptibleSleep();
  private loop: Promise<void> | null = null;
  private running = false;
  private consecutiveFailures = 0;
  /** After a multi-event batch failed: deliver one event at a time up to this position. */
  private narrowUntil: LogPosition | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The limit of the last batch read: a batch that filled it may have more behind it. */
  private lastLimit = 1;

  constructor(private readonly options: CheckpointedSubscriptionOptions) {}

  get name(): string {
    return this.options.name;
  }

  /** Starts the background loop (poll + wake-ups). Resolves once the checkpoint row exists. */
  async start(): Promise<void> {
    if (this.running) return;
    await ensureCheckpoint(this.options.pool, this.name);
    this.running = true;
    const interest = { types: this.options.wakeTypes ?? this.options.types };
    this.unsubscribe = this.options.wakeUp?.onWake(() => this.sleeper.wake(), interest) ?? null;
    this.loop = this.runLoop();
  }

  /** Stops the loop after the batch in flight (if any) has committed or rolled back. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.sleeper.stop();
    await this.loop;
    this.loop = null;
  }

  /**
   * Processes every event committed before the call, then resolves: waits (up to timeoutMs,
   * default 30 s) while an older transaction still holds them behind the horizon. Rejects with
   * the handler's error if a batch fails (after isolating the failing event).
   */
  async catchUp(options: { timeoutMs?: number } = {}): Promise<void> {
    const { pool, types } = this.options;
    await ensureCheckpoint(pool, this.name);
    const target = await latestCommittedPositionWith(pool, types);
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    for (;;) {
      const outcome = await this.step();
      if (outcome.kind === 'failed' && !outcome.isolating) throw outcome.error;
      if (outcome.kind !== 'idle') {
        if (outcome.kind === 'progressed' && compareLogPositions(outcome.position, target) >= 0) return;
        continue;
      }
      if (compareLogPositions((await this.status()).position, target) >= 0) return;
      if (Date.now() > deadline) throw new Error(`catchUp of ${this.name} timed out: events held back by an open transaction`);
      await new Promise((resolve) => setTimeout(resolve, HELD_BACK_POLL_MS));
    }
  }

  /** Back to LOG_START (rebuild), clearing the effects in the same transaction (resetWithEffects). */
  async reset(clearEffects?: (tx: PoolClient) => Promise<void>): Promise<void> {
    this.narrowUntil = null;
    this.consecutiveFailures = 0;
    await resetWithEffects(this.options.pool, this.name, clearEffects);
  }

  async status(): Promise<SubscriptionStatus> {
    const { pool, types } = this.options;
    await ensureCheckpoint(pool, this.name);
    const [state, head] = await Promise.all([readCheckpoint(pool, this.name), latestCommittedPositionWith(pool, types)]);
    if (!state) throw new Error(`Subscription checkpoint ${this.name} vanished`);
    const { position, lastError, errorPosition, failedAttempts, updatedAt } = state;
    const lagging = compareLogPositions(position, head) < 0;
    return { name: this.name, position, lagging, lastError, errorPosition, failedAttempts, updatedAt };
  }

  private async runLoop(): Promise<void> {
    while (this.running) {
      const outcome = await this.step();
      if (!this.running) return;
      if (outcome.kind === 'progressed' && !outcome.full && this.options.wakeUp?.tracksHorizon) {
        // Caught up as of this batch's snapshot: anything newer is announced by the wake-up
        // (a wake during the batch makes this sleep return at once), so wait for it rather
        // than spin one small batch after another.
        await this.sleeper.sleep(this.idleDelayMs(false), true);
        continue;
      }
      if (outcome.kind === 'progressed' || (outcome.kind === 'failed' && outcome.isolating)) continue;
      if (outcome.kind === 'idle') await this.sleeper.sleep(this.idleDelayMs(outcome.heldBack), true);
      else await this.sleeper.sleep(this.backoffMs(), false);
    }
  }

  /**
   * A NOTIFY may arrive before its events pass the horizon: poll fast until they do — unless
   * the wake-up source itself watches the horizon and wakes us when they pass it.
   */
  private idleDelayMs(heldBack: boolean): number {
    const poll = this.options.pollIntervalMs ?? 500;
    return heldBack && !this.options.wakeUp?.tracksHorizon ? Math.min(poll, HELD_BACK_POLL_MS) : poll;
  }

  private backoffMs(): number {
    const initial = this.options.initialBackoffMs ?? 100;
    const max = this.options.maxBackoffMs ?? 30_000;
    return Math.min(max, initial * 2 ** Math.min(this.consecutiveFailures - 1, 30));
  }

  /** One batch in one transaction. Never throws: failures are recorded and returned. */
  private async step(): Promise<StepOutcome> {
    let client: PoolClient | null = null;
    let batch: RecordedEvent[] = [];
    try {
      client = await this.options.pool.connect();
      batch = await this.readBatch(client);
      // Only a source that does not watch the horizon needs to know (to poll fast meanwhile).
      const heldBack = batch.length > 0 || this.options.wakeUp?.tracksHorizon ? false : await eventsHeldBackWith(client);
      if (batch.length > 0) await this.deliver(client, batch);
      else await client.query('COMMIT');
      client.release();
      return this.succeeded(batch, heldBack);
    } catch (error) {
      const broken = client ? await rollback(client) : undefined;
      client?.release(broken);
      return this.failed(error, batch);
    }
  }

  /** Begins the batch's transaction, locks the checkpoint and reads what follows it. */
  private async readBatch(tx: PoolClient): Promise<RecordedEvent[]> {
    const after = await beginAndLockCheckpoint(tx, this.name);
    const narrow = this.narrowUntil !== null && compareLogPositions(after, this.narrowUntil) < 0;
    const limit = narrow ? 1 : (this.options.batchSize ?? 100);
    this.lastLimit = limit;
    return readAllWith(tx, { after, limit, types: this.options.types });
  }

  /** Handles the batch, then saves the checkpoint and commits (one round trip). */
  private async deliver(tx: PoolClient, batch: RecordedEvent[]): Promise<void> {
    await this.options.handle(batch, tx);
    await saveCheckpointAndCommit(tx, this.name, batch[batch.length - 1].logPosition);
  }

  private succeeded(batch: RecordedEvent[], heldBack: boolean): StepOutcome {
    if (batch.length === 0) return { kind: 'idle', heldBack };
    const position = batch[batch.length - 1].logPosition;
    this.consecutiveFailures = 0;
    if (this.narrowUntil && compareLogPositions(position, this.narrowUntil) >= 0) this.narrowUntil = null;
    return { kind: 'progressed', position, full: batch.length >= this.lastLimit };
  }

  private async failed(error: unknown, batch: RecordedEvent[]): Promise<StepOutcome> {
    this.consecutiveFailures += 1;
    const isolating = batch.length > 1;
    if (isolating) this.narrowUntil = batch[batch.length - 1].logPosition;
    this.options.onError?.(error, this.name);
    await recordFailure(this.options.pool, this.name, error, batch[0]?.logPosition ?? null).catch(
      (recordError: unknown) => this.options.onError?.(recordError, this.name),
    );
    return { kind: 'failed', error, isolating };
  }
}

async function rollback(client: PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
