import type { Pool, PoolClient } from 'pg';
import {
  CheckpointedSubscription,
  compareLogPositions,
  lockCheckpoint,
  readAllForReplayWith,
  saveCheckpoint,
  withTransaction,
  type CheckpointedSubscriptionOptions,
  type LogPosition,
  type EventWakeUp,
  type RecordedEvent,
  type SubscriptionStatus,
} from '@rectify/event-store';
import type { Projector } from './projector';
import { REPLAY_CONNECTIONS, REPLAY_WINDOW, flushAsyncCommits, hasRebuildIndexes } from './rebuild-support';
import { ReplayPipeline } from './replay-pipeline';

export type { RebuildIndexes } from './rebuild-support';

/** What the runner needs of a checkpointed subscription (PostgreSQL or KurrentDB flavour). */
export interface ProjectionSubscription {
  start(): Promise<void>;
  stop(): Promise<void>;
  catchUp(): Promise<void>;
  reset(clearEffects?: (tx: PoolClient) => Promise<void>): Promise<void>;
  status(): Promise<SubscriptionStatus>;
}

export type ProjectionSubscriptionFactory = (options: CheckpointedSubscriptionOptions) => ProjectionSubscription;

export interface ProjectionRunnerOptions {
  pool: Pool;
  projectors: readonly Projector[];
  /**
   * Default: PostgreSQL CheckpointedSubscription reading the `events` table. With KurrentDB,
   * a KurrentDbCheckpointedSubscription factory (same options; effects and checkpoint still
   * commit in one PostgreSQL transaction). A factory also turns rebuilds into per-projector
   * reset + catch-up, since the one-pass replay reads the PostgreSQL `events` table.
   */
  subscription?: ProjectionSubscriptionFactory;
  wakeUp?: EventWakeUp;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown, projection: string) => void;
}

export interface RebuildProgress {
  projection: string;
  /** cleared: emptied, checkpoint reset; indexing: replayed, its dropped indexes being built; caught-up: done. */
  phase: 'cleared' | 'indexing' | 'caught-up';
}

/**
 * Runs each projector on its own checkpointed subscription, so one failing projector
 * never stalls the others, and rebuilds them from position 0 on demand.
 */
export class ProjectionRunner {
  private readonly subscriptions: Map<string, { projector: Projector; subscription: ProjectionSubscription }>;

  constructor(private readonly options: ProjectionRunnerOptions) {
    const create: ProjectionSubscriptionFactory = options.subscription ?? ((o) => new CheckpointedSubscription(o));
    this.subscriptions = new Map(
      options.projectors.map((projector) => [
        projector.name,
        {
          projector,
          subscription: create({
            name: projector.name,
            pool: options.pool,
            handle: (events, tx) => projector.project(events, tx),
            batchSize: options.batchSize ?? 500,
            pollIntervalMs: options.pollIntervalMs,
            wakeUp: options.wakeUp,
            // Woken only by the types it folds (none listed = every type); it still reads all.
            wakeTypes: projector.eventTypes,
            onError: options.onError,
          }),
        },
      ]),
    );
  }

  async start(): Promise<void> {
    for (const { subscription } of this.subscriptions.values()) await subscription.start();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.subscriptions.values()].map(({ subscription }) => subscription.stop()));
  }

  /** Processes every projection up to the current head (tests, rebuilds, start-up). */
  async catchUp(): Promise<void> {
    for (const { subscription } of this.subscriptions.values()) await subscription.catchUp();
  }

  names(): string[] {
    return [...this.subscriptions.keys()];
  }

  async statusOf(name: string): Promise<SubscriptionStatus> {
    const entry = this.subscriptions.get(name);
    if (!entry) throw new Error(`No projection named ${name}`);
    return entry.subscription.status();
  }

  status(): Promise<SubscriptionStatus[]> {
    return Promise.all([...this.subscriptions.values()].map(({ subscription }) => subscription.status()));
  }

  /**
   * Empties each projector's tables and resets its checkpoint (one transaction per
   * projector), then replays the whole log in ONE pass shared by every projector: each batch
   * is read once and projected by all of them in one transaction that also advances their
   * checkpoints. Live instances may keep running: checkpoints are locked per batch, and a
   * projector only receives events after its own checkpoint. A projector with RebuildIndexes
   * drops them in its reset transaction and has them built once after the replay (also when
   * the replay fails); after a crash in between, the next rebuild (or start-up, if the
   * projector's migration restores them) puts them back.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void, batchSize = 2000): Promise<void> {
    const entries = [...this.subscriptions.values()];
    for (const { projector, subscription } of entries) {
      await subscription.reset(async (tx) => {
        if (projector.tables.length > 0) await tx.query(`TRUNCATE ${projector.tables.join(', ')}`);
        if (hasRebuildIndexes(projector)) await projector.dropIndexesForRebuild(tx);
      });
      onProgress?.({ projection: projector.name, phase: 'cleared' });
    }
    try {
      if (!this.options.subscription) await this.replay(entries.map((e) => e.projector), batchSize);
      await this.catchUp();
    } finally {
      // Each builds its own tables' indexes: side by side, a small view's indexes take no time of their own.
      for (const { projector } of entries) if (hasRebuildIndexes(projector)) onProgress?.({ projection: projector.name, phase: 'indexing' });
      const restored = await Promise.allSettled(entries.map(({ projector }) => (hasRebuildIndexes(projector) ? projector.restoreIndexesAfterRebuild(this.options.pool) : undefined)));
      const failed = restored.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    }
    for (const { projector } of entries) onProgress?.({ projection: projector.name, phase: 'caught-up' });
  }

  /**
   * The one-pass replay (ReplayPipeline): the log is read once, and every projector applies
   * each batch in its own transaction that locks and advances its checkpoint — effects and
   * checkpoint stay atomic per projector — up to REPLAY_CONNECTIONS transactions at once on
   * separate connections, each projector at its own pace (in log order), so PostgreSQL works
   * for several projectors while another folds events in JavaScript and the slowest projector
   * sets the pace alone.
   *
   * Replay batches commit with synchronous_commit = off: the commit returns before its WAL is
   * flushed, so a crash may lose the last few committed batches — but each batch's effects and
   * its checkpoint are one transaction, so they are lost together, never torn: the projector's
   * tables still match its checkpoint, and the next catch-up or rebuild replays from there
   * (everything here is derived from the log). Visibility to other sessions is unchanged, and
   * any later ordinary commit flushes the WAL up to itself, async batches included; the replay
   * ends with one such commit (flushAsyncCommits), so a rebuild that returns is durable.
   */
  private async replay(projectors: readonly Projector[], batchSize: number): Promise<void> {
    if (projectors.length === 0) return;
    const pool = this.options.pool;
    for (;;) {
      const pipeline = new ReplayPipeline({
        projectors,
        // A checkpoint that went back (reset by another rebuild) makes it start again from the lowest.
        start: await this.lowestCheckpoint(projectors),
        read: (after) => readAllForReplayWith(pool, { after, limit: batchSize }),
        apply: (projector, batch) => this.applyBatch(projector, batch.events, batch.from, batch.last),
        connections: REPLAY_CONNECTIONS,
        window: REPLAY_WINDOW,
      });
      if ((await pipeline.run()) === 'done') return flushAsyncCommits(pool, projectors);
    }
  }

  /**
   * Applies the events of `batch` (the log just after `from`, up to `last`) that lie after the
   * projector's checkpoint, locked for the transaction. False when the checkpoint is before
   * `from`: the batch would skip events, so nothing is applied.
   */
  private async applyBatch(projector: Projector, batch: readonly RecordedEvent[], from: LogPosition, last: LogPosition): Promise<boolean> {
    return withTransaction(this.options.pool, async (tx) => {
      const after = await lockCheckpoint(tx, projector.name);
      if (compareLogPositions(after, from) < 0) return false;
      if (compareLogPositions(after, last) >= 0) return true;
      await tx.query('SET LOCAL synchronous_commit = off'); // see replay()
      const events = batch.filter((e) => compareLogPositions(e.logPosition, after) > 0);
      if (events.length > 0) await projector.project(events, tx);
      await saveCheckpoint(tx, projector.name, last);
      return true;
    });
  }

  private async lowestCheckpoint(projectors: readonly Projector[]): Promise<LogPosition> {
    return withTransaction(this.options.pool, async (tx) => {
      let lowest: LogPosition | null = null;
      for (const p of projectors) {
        const position = await lockCheckpoint(tx, p.name);
        if (!lowest || compareLogPositions(position, lowest) < 0) lowest = position;
      }
      return lowest as LogPosition;
    });
  }
}
