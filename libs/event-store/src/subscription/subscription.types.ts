import type { Pool, PoolClient } from 'pg';
import type { LogPosition, RecordedEvent } from '../event-store.port';
import type { EventWakeUp } from './event-wake-up';

/**
 * Handles one batch, in log order. `tx` is the transaction in which the checkpoint is saved
 * after the handler returns: write the batch's effects through it and they commit together
 * with the checkpoint (exactly-once), or roll back together when anything throws.
 */
export type SubscriptionHandler = (events: RecordedEvent[], tx: PoolClient) => Promise<void>;

export interface CheckpointedSubscriptionOptions {
  /** Unique consumer name: the checkpoint row's key. */
  name: string;
  pool: Pool;
  handle: SubscriptionHandler;
  /** Deliver only these event types (the checkpoint then advances over delivered events only). */
  types?: readonly string[];
  /** Events per batch/transaction. Default 100. */
  batchSize?: number;
  /** Poll interval when idle; notifications wake the loop earlier. Default 500 ms. */
  pollIntervalMs?: number;
  /** First retry delay after a failure, doubled per consecutive failure. Default 100 ms. */
  initialBackoffMs?: number;
  /** Retry delay cap. Default 30 s. */
  maxBackoffMs?: number;
  /** Wake-up source, e.g. a started PgNotificationWakeUp shared by all subscriptions. */
  wakeUp?: EventWakeUp;
  /**
   * Wake only for new events of these types (default: `types`; empty = any). For a handler
   * that ignores every other type but reads them all: other events are still delivered, with
   * the next wake-up or poll. Never narrows what is delivered, only when.
   */
  wakeTypes?: readonly string[];
  /** Called on every failure (handler or infrastructure), for logging. */
  onError?: (error: unknown, name: string) => void;
}

export interface SubscriptionStatus {
  name: string;
  /** Last delivered (and committed) position; LOG_START before the first. */
  position: LogPosition;
  /** True when committed events (of the subscription's types) lie after position, delivered or held back. */
  lagging: boolean;
  lastError: string | null;
  /** Position of the first event of the batch that failed (exact once isolated to one event). */
  errorPosition: LogPosition | null;
  /** Consecutive failures since the last successful batch. */
  failedAttempts: number;
  updatedAt: Date;
}
