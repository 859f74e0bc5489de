import type { Pool, PoolClient } from 'pg';
import {
  CheckpointedSubscription,
  compareLogPositions,
  lockCheckpoint,
  readAllWith,
  saveCheckpoint,
  withTransaction,
  type CheckpointedSubscriptionOptions,
  type LogPosition,
  type EventWakeUp,
  type SubscriptionStatus,
} from '@rectify/event-store';
import type { Projector } from './projector';

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

/**
 * Optional on a projector: indexes a full rebuild does without. Maintaining a large index row
 * by row while the whole log is replayed costs far more than building it once by sorting.
 * Both methods must be idempotent (IF EXISTS / only when missing); projecting must stay
 * correct without the indexes (exactly-once comes from the checkpoint, not from a unique key).
 */
export interface RebuildIndexes {
  /** Runs in the transaction that empties the projector's tables and resets its checkpoint. */
  dropIndexesForRebuild(tx: PoolClient): Promise<void>;
  /** Builds whatever is missing, after the replay. */
  restoreIndexesAfterRebuild(pool: Pool): Promise<void>;
}

function hasRebuildIndexes(projector: Projector): projector is Projector & RebuildIndexes {
  const candidate = projector as Partial<RebuildIndexes>;
  return typeof candidate.dropIndexesForRebuild === 'function' && typeof candidate.restoreIndexesAfterRebuild === 'function';
}

export interface RebuildProgress {
  projection: string;
  phase: 'cleared' | 'caught-up';
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
      while (!this.options.subscription && await this.replayBatch(entries.map((e) => e.projector), batchSize)) {
        // keep going until no projector has anything left to read
      }
      await this.catchUp();
    } finally {
      for (const { projector } of entries) if (hasRebuildIndexes(projector)) await projector.restoreIndexesAfterRebuild(this.options.pool);
    }
    for (const { projector } of entries) onProgress?.({ projection: projector.name, phase: 'caught-up' });
  }

  /** One shared batch; false when every projector is at the head. */
  private async replayBatch(projectors: readonly Projector[], batchSize: number): Promise<boolean> {
    return withTransaction(this.options.pool, async (tx) => {
      const positions = new Map<string, LogPosition>();
      for (const p of projectors) positions.set(p.name, await lockCheckpoint(tx, p.name));
      const from = [...positions.values()].reduce((min, p) => (compareLogPositions(p, min) < 0 ? p : min));
      const batch = await readAllWith(tx, { after: from, limit: batchSize });
      if (batch.length === 0) return false;
      const last = batch[batch.length - 1].logPosition;
      for (const projector of projectors) {
        const after = positions.get(projector.name)!;
        const fresh = batch.filter((e) => compareLogPositions(e.logPosition, after) > 0);
        if (fresh.length === 0) continue;
        await projector.project(fresh, tx);
        await saveCheckpoint(tx, projector.name, last);
      }
      return true;
    });
  }
}
