import type { Pool } from 'pg';
import {
  CheckpointedSubscription, type CheckpointedSubscriptionOptions, type EventStore, type EventWakeUp, type SubscriptionStatus,
} from '@rectify/event-store';
import type { Clock } from '../clock/clock';
import type { AnyProcessManager } from './process-manager';
import { applyEventBatch } from './process-batch';
import { portProcessEventLog, postgresProcessEventLog } from './process-event-log';
import { TimerPoller, type FireRound } from './timer-poller';
import { timerTableStatus, type TimerRow, type TimerTableStatus } from './timer-table';

/** What the runtime (and the notification dispatcher) needs of a checkpointed subscription. */
export interface WorkflowSubscription {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  catchUp(): Promise<void>;
  status(): Promise<SubscriptionStatus>;
}

/**
 * Builds the subscription that feeds one consumer. It must keep CheckpointedSubscription's
 * contract: every committed event after the checkpoint, in log order, handled and
 * checkpointed in ONE PostgreSQL transaction (`tx`), so effects stay exactly-once.
 */
export type WorkflowSubscriptionFactory = (options: CheckpointedSubscriptionOptions) => WorkflowSubscription;

export interface WorkflowRuntimeOptions {
  pool: Pool;
  clock: Clock;
  processManagers: readonly AnyProcessManager[];
  /**
   * Default: the PostgreSQL CheckpointedSubscription reading the `events` table. With
   * KurrentDB, a KurrentDbCheckpointedSubscription factory (it reads the EventStore port's
   * readAll): the process managers then follow KurrentDB while their checkpoints, timers and
   * effects stay in PostgreSQL (`pool`).
   */
  subscription?: WorkflowSubscriptionFactory;
  /**
   * Default: process streams are read and appended in PostgreSQL's `events` table inside each
   * step's transaction. Given (KurrentDB mode), they go through this EventStore port instead —
   * appended before the step's PostgreSQL transaction (timers, checkpoint) commits; see
   * process-event-log.ts for why a crash in between neither duplicates nor loses an event.
   */
  processEventStore?: EventStore;
  wakeUp?: EventWakeUp;
  /** Timer poll interval: bounds how late a timer fires. Default 250 ms. */
  timerPollIntervalMs?: number;
  timerBatchSize?: number;
  /** Subscription poll interval (notifications wake it earlier). Default 500 ms. */
  pollIntervalMs?: number;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown, where: string) => void;
}

/**
 * Runs process managers durably: each on its own checkpointed, gap-free subscription
 * (`process:<name>`; one failing process manager never stalls another or the projections),
 * plus one timer poller for all of them. Stateless between inputs: any number of instances
 * (threads, engines) may run on one database.
 */
export class WorkflowRuntime {
  private readonly subscriptions: WorkflowSubscription[];
  private readonly poller: TimerPoller;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: WorkflowRuntimeOptions) {
    const create = options.subscription ?? ((o: CheckpointedSubscriptionOptions) => new CheckpointedSubscription(o));
    const log = options.processEventStore ? portProcessEventLog(options.processEventStore) : postgresProcessEventLog;
    this.subscriptions = options.processManagers.map(
      (pm) =>
        create({
          name: `process:${pm.name}`,
          pool: options.pool,
          types: pm.inputTypes,
          batchSize: 50,
          pollIntervalMs: options.pollIntervalMs,
          initialBackoffMs: options.initialBackoffMs,
          maxBackoffMs: options.maxBackoffMs,
          wakeUp: options.wakeUp,
          onError: (error, name) => options.onError?.(error, name),
          handle: async (batch, tx) => void (await applyEventBatch(tx, pm, batch, { now: options.clock.now(), log })),
        }),
    );
    this.poller = new TimerPoller({
      pool: options.pool,
      clock: options.clock,
      processManagers: options.processManagers,
      batchSize: options.timerBatchSize,
      log,
      onError: (error: unknown, timer: TimerRow) => options.onError?.(error, `timer ${timer.process}/${timer.key}`),
    });
  }

  names(): string[] {
    return this.subscriptions.map((s) => s.name);
  }

  async start(): Promise<void> {
    if (this.running) return;
    for (const subscription of this.subscriptions) await subscription.start();
    this.running = true;
    this.loop = this.timerLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.all(this.subscriptions.map((s) => s.stop()));
  }

  /** Every process manager has handled every event committed before the call. */
  async catchUp(): Promise<void> {
    for (const subscription of this.subscriptions) await subscription.catchUp();
  }

  /** One poll: claims and fires one batch of due timers. */
  fireRound(): Promise<FireRound> {
    return this.poller.fireRound();
  }

  /**
   * Fires timers until none is due at the clock's current time (rows held by another poller
   * are waited for); failing timers are postponed, so this always ends. Returns how many fired.
   */
  async fireDueTimers(): Promise<number> {
    let fired = 0;
    for (;;) {
      const round = await this.poller.fireRound();
      fired += round.fired;
      if (round.claimed > 0) continue;
      const status = await this.timerStatus();
      if (status.due === 0) return fired;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Moves nothing: the timer table as the clock sees it now. */
  async timerStatus(): Promise<TimerTableStatus> {
    return timerTableStatus(this.options.pool, this.options.clock.now(), this.options.processManagers.map((pm) => pm.name));
  }

  statusOf(name: string): Promise<SubscriptionStatus> {
    const subscription = this.subscriptions.find((s) => s.name === name);
    if (!subscription) throw new Error(`No process manager subscription named ${name}`);
    return subscription.status();
  }

  private async timerLoop(): Promise<void> {
    const interval = this.options.timerPollIntervalMs ?? 250;
    while (this.running) {
      let busy = false;
      try {
        const round = await this.poller.fireRound();
        busy = round.claimed > 0 && round.claimed > round.busy;
      } catch (error) {
        this.options.onError?.(error, 'timers');
      }
      if (!this.running) return;
      if (!busy) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
      this.wake = null;
    }
  }
}
