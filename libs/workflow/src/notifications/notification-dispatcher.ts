import type { Pool, PoolClient } from 'pg';
import { CheckpointedSubscription, type EventWakeUp, type RecordedEvent, type SubscriptionStatus } from '@rectify/event-store';
import type { WorkflowSubscription, WorkflowSubscriptionFactory } from '../process-manager/workflow-runtime';
import type { NotificationChannel, OutboundNotification } from './notification-channel';

export interface NotificationDispatcherOptions {
  pool: Pool;
  channels: readonly NotificationChannel[];
  /** Default: PostgreSQL CheckpointedSubscription; with KurrentDB, one reading the EventStore port (as WorkflowRuntime). */
  subscription?: WorkflowSubscriptionFactory;
  wakeUp?: EventWakeUp;
  /** Attempts before a notification is marked failed. Default 8. */
  maxAttempts?: number;
  /** Retry delay after attempt n: initial * 2^(n-1), capped. Defaults 2 s and 10 min. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  pollIntervalMs?: number;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  notification_id: string;
  channel: string;
  payload: OutboundNotification;
  attempts: number;
}

/**
 * NotificationRequested events → outbox rows (one per channel, written in the subscription's
 * transaction: enqueued exactly once) → delivery with retries and backoff, every attempt
 * recorded in notification_delivery_attempts. Delivery is at-least-once: a crash between a
 * successful POST and recording it repeats the POST; receivers deduplicate on the id.
 * Retry delays are wall-clock time even under CLOCK=manual (they are transport, not domain, time).
 */
export class NotificationDispatcher {
  readonly subscription: WorkflowSubscription;
  private readonly byName: Map<string, NotificationChannel>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: NotificationDispatcherOptions) {
    this.byName = new Map(options.channels.map((c) => [c.name, c]));
    const create: WorkflowSubscriptionFactory = options.subscription ?? ((o) => new CheckpointedSubscription(o));
    this.subscription = create({
      name: 'notifications:outbox',
      pool: options.pool,
      types: ['NotificationRequested'],
      wakeUp: options.wakeUp,
      onError: (error) => options.onError?.(error),
      handle: (events, tx) => this.enqueue(events, tx),
    });
  }

  async start(): Promise<void> {
    await this.subscription.start();
    this.running = true;
    this.loop = this.deliveryLoop();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.subscription.stop();
  }

  status(): Promise<SubscriptionStatus> {
    return this.subscription.status();
  }

  /** Enqueues everything committed so far, then delivers until nothing is due (tests). */
  async drain(): Promise<void> {
    await this.subscription.catchUp();
    while ((await this.deliverRound()) > 0);
  }

  private async enqueue(events: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of events) {
      const payload: OutboundNotification = { id: event.id, streamId: event.streamId, occurredAt: event.occurredAt.toISOString(), data: event.data };
      for (const channel of this.options.channels) {
        await tx.query(
          `INSERT INTO notification_outbox (notification_id, channel, payload) VALUES ($1, $2, $3) ON CONFLICT (notification_id) DO NOTHING`,
          [event.id, channel.name, JSON.stringify(payload)],
        );
      }
    }
  }

  /** One batch of due deliveries; returns how many were attempted. */
  async deliverRound(limit = 10): Promise<number> {
    const client = await this.options.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<OutboxRow>(
        `SELECT notification_id, channel, payload, attempts FROM notification_outbox
          WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit],
      );
      for (const row of rows) await this.attempt(client, row);
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async attempt(tx: PoolClient, row: OutboxRow): Promise<void> {
    const attempt = row.attempts + 1;
    const channel = this.byName.get(row.channel);
    const started = performance.now();
    const result = channel ? await channel.deliver(row.payload, attempt) : { ok: false, error: `no channel ${row.channel}` };
    const duration = Math.round(performance.now() - started);
    await tx.query(
      `INSERT INTO notification_delivery_attempts (notification_id, attempt, channel, outcome, http_status, error, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [row.notification_id, attempt, row.channel, result.ok ? 'delivered' : 'failed', result.httpStatus ?? null, result.error ?? null, duration],
    );
    const exhausted = attempt >= (this.options.maxAttempts ?? 8);
    const backoff = Math.min(this.options.maxBackoffMs ?? 600_000, (this.options.initialBackoffMs ?? 2000) * 2 ** (attempt - 1));
    await tx.query(
      `UPDATE notification_outbox
          SET attempts = $2, last_error = $3,
              status = CASE WHEN $4 THEN 'delivered' WHEN $5 THEN 'failed' ELSE 'pending' END,
              delivered_at = CASE WHEN $4 THEN now() ELSE NULL END,
              next_attempt_at = now() + make_interval(secs => $6::double precision / 1000)
        WHERE notification_id = $1`,
      [row.notification_id, attempt, result.error ?? null, result.ok, exhausted, backoff],
    );
  }

  private async deliveryLoop(): Promise<void> {
    const interval = this.options.pollIntervalMs ?? 1000;
    while (this.running) {
      let delivered = 0;
      try {
        delivered = await this.deliverRound();
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.running) return;
      if (delivered === 0) await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, interval);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
      this.wake = null;
    }
  }
}
