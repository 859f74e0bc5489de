/** A notification as channels receive it: the NotificationRequested event, by id. */
export interface OutboundNotification {
  /** The NotificationRequested event id: stable across retries; receivers deduplicate on it. */
  id: string;
  streamId: string;
  occurredAt: string;
  data: Record<string, unknown>;
}

export interface DeliveryResult {
  ok: boolean;
  httpStatus?: number;
  error?: string;
}

/** Where notifications go (webhook now, email later). Delivery is at-least-once. */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: OutboundNotification, attempt: number): Promise<DeliveryResult>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');
