import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@rectify/event-store';

/**
 * A projector folds events into read-model tables. It runs inside the transaction that
 * also saves its subscription checkpoint, so each event takes effect exactly once.
 * It must also be safe to run twice on the same event (rebuilds, manual replays).
 */
export interface Projector {
  /** Subscription name, also the checkpoint's key. */
  readonly name: string;
  /** Tables it owns; a rebuild empties them before replaying from position 0. */
  readonly tables: readonly string[];
  /**
   * The event types it folds; it must ignore every other type (a rebuild hands it no batch
   * without one of these, and live it is woken only by them). Empty: every type.
   */
  readonly eventTypes: readonly string[];
  project(events: readonly RecordedEvent[], tx: PoolClient): Promise<void>;
}
