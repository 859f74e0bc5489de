import type { Pool } from 'pg';
import { LogWatcher, type LogNews } from './log-watcher';

/** Which new events a listener wants to hear about. */
export interface WakeInterest {
  /** Wake only when events of one of these types become readable; absent or empty = any event. */
  types?: readonly string[];
}

/** Something that says "new events may be readable now". */
export interface EventWakeUp {
  /**
   * Registers a listener; returns its unsubscribe function. A source may use `interest` to
   * skip listeners whose types did not occur; one that ignores it wakes everyone.
   */
  onWake(listener: () => void, interest?: WakeInterest): () => void;
  /**
   * True when the source wakes listeners once held-back events pass the gap-free horizon,
   * so a subscription need not poll fast while events are held back.
   */
  readonly tracksHorizon?: boolean;
}

/**
 * Wakes subscriptions from PostgreSQL NOTIFYs on the events channel, through the pool's one
 * shared LogWatcher (one LISTEN connection per pool, however many PgNotificationWakeUps): a
 * listener is woken only when events of a type it is interested in became readable. A lost
 * connection is re-established after reconnectDelayMs and then wakes everyone; subscriptions
 * keep polling meanwhile, so a missed notification only delays delivery.
 */
export class PgNotificationWakeUp implements EventWakeUp {
  readonly tracksHorizon = true;
  private readonly listeners = new Map<() => void, ReadonlySet<string> | null>();
  private readonly sink = (news: LogNews): void => this.notify(news);
  private attached = false;

  constructor(
    private readonly pool: Pool,
    private readonly reconnectDelayMs = 1000,
  ) {}

  onWake(listener: () => void, interest?: WakeInterest): () => void {
    const types = interest?.types && interest.types.length > 0 ? new Set(interest.types) : null;
    this.listeners.set(listener, types);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.attached) return;
    this.attached = true;
    try {
      await LogWatcher.of(this.pool).attach(this.sink, this.reconnectDelayMs);
    } catch (error) {
      this.attached = false;
      await LogWatcher.of(this.pool).detach(this.sink);
      throw error;
    }
  }

  async stop(): Promise<void> {
    if (!this.attached) return;
    this.attached = false;
    await LogWatcher.of(this.pool).detach(this.sink);
  }

  private notify(news: LogNews): void {
    this.listeners.forEach((types, listener) => {
      if (!types || !news.types || [...news.types].some((type) => types.has(type))) listener();
    });
  }
}
