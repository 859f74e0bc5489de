import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { EventWakeUp } from '../subscription/event-wake-up';
import { typeFilter } from './kurrentdb-reads';

/**
 * Wakes KurrentDbCheckpointedSubscriptions when KurrentDB commits an event: a KurrentDB
 * catch-up subscription to $all from the end, non-system events only. It carries no data
 * (the subscriptions read from their checkpoints), so a dropped subscription only delays
 * delivery until the next poll; it is re-opened after reconnectDelayMs.
 */
export class KurrentDbWakeUp implements EventWakeUp {
  private readonly listeners = new Set<() => void>();
  private subscription: AllStreamSubscription | null = null;
  private running = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly client: KurrentDBClient,
    private readonly reconnectDelayMs = 1000,
  ) {}

  onWake(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.running = true;
    this.open();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    const subscription = this.subscription;
    this.subscription = null;
    await subscription?.unsubscribe().catch(() => undefined);
  }

  private open(): void {
    const subscription = this.client.subscribeToAll({ fromPosition: 'end', filter: typeFilter() });
    subscription.on('data', () => this.notify());
    subscription.on('error', () => this.reopen(subscription));
    subscription.on('end', () => this.reopen(subscription));
    this.subscription = subscription;
    this.notify(); // catch up on anything committed while not subscribed
  }

  private reopen(dropped: AllStreamSubscription): void {
    if (this.subscription !== dropped || !this.running) return;
    this.subscription = null;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.open();
    }, this.reconnectDelayMs);
  }

  private notify(): void {
    this.listeners.forEach((listener) => listener());
  }
}
