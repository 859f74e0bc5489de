import type { Pool, PoolClient } from 'pg';
import { EVENTS_NOTIFY_CHANNEL } from '../postgres/event-store.schema';

/** Something that says "new events may be readable now". */
export interface EventWakeUp {
  /** Registers a listener; returns its unsubscribe function. */
  onWake(listener: () => void): () => void;
}

/**
 * LISTENs on the events channel over one dedicated pooled connection and fans out to any
 * number of subscriptions. A lost connection is re-established after reconnectDelayMs;
 * subscriptions keep polling meanwhile, so a missed notification only delays delivery.
 */
export class PgNotificationWakeUp implements EventWakeUp {
  private readonly listeners = new Set<() => void>();
  private client: PoolClient | null = null;
  private running = false;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly reconnectDelayMs = 1000,
  ) {}

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.running = true;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    if (!client) return;
    await client.query(`UNLISTEN ${EVENTS_NOTIFY_CHANNEL}`).catch(() => undefined);
    client.release(true); // never hand a LISTENing connection back to the pool
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    try {
      client.on('notification', () => this.notify());
      client.on('error', () => this.dropAndReconnect(client));
      await client.query(`LISTEN ${EVENTS_NOTIFY_CHANNEL}`);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
    this.notify(); // catch up on anything missed while disconnected
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }

  private dropAndReconnect(broken: PoolClient): void {
    if (this.client !== broken) return; // already dropped
    this.client = null;
    broken.release(true);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.running || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.running) this.connect().catch(() => this.scheduleReconnect());
    }, this.reconnectDelayMs);
  }
}
