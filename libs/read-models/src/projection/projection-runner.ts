import type { Pool } from 'pg';
import {
  CheckpointedSubscription,
  type EventWakeUp,
  type SubscriptionStatus,
} from '@rectify/event-store';
import type { Projector } from './projector';

export interface ProjectionRunnerOptions {
  pool: Pool;
  projectors: readonly Projector[];
  wakeUp?: EventWakeUp;
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown, projection: string) => void;
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
  private readonly subscriptions: Map<string, { projector: Projector; subscription: CheckpointedSubscription }>;

  constructor(private readonly options: ProjectionRunnerOptions) {
    this.subscriptions = new Map(
      options.projectors.map((projector) => [
        projector.name,
        {
          projector,
          subscription: new CheckpointedSubscription({
            name: projector.name,
            pool: options.pool,
            handle: (events, tx) => projector.project(events, tx),
            batchSize: options.batchSize ?? 500,
            pollIntervalMs: options.pollIntervalMs,
            wakeUp: options.wakeUp,
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
   * Empties each projector's tables and resets its checkpoint in one transaction, then
   * replays the whole log. Live instances may keep running: they take turns on the checkpoint.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<void> {
    for (const { projector, subscription } of this.subscriptions.values()) {
      await subscription.reset(async (tx) => {
        if (projector.tables.length > 0) await tx.query(`TRUNCATE ${projector.tables.join(', ')}`);
      });
      onProgress?.({ projection: projector.name, phase: 'cleared' });
      await subscription.catchUp();
      onProgress?.({ projection: projector.name, phase: 'caught-up' });
    }
  }
}
