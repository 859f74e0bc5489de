import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DeliveryResult, NotificationChannel, OutboundNotification } from './notification-channel';

export interface WebhookChannelOptions {
  url: string;
  /** HMAC-SHA256 key; receivers verify X-Rectify-Signature with it. */
  secret: string;
  timeoutMs?: number;
  /** Seconds since the epoch for the signature timestamp (wall time). */
  nowSeconds?: () => number;
}

export const SIGNATURE_HEADER = 'x-rectify-signature';

/** `t=<unix seconds>,v1=<hex hmac-sha256(secret, "<t>.<body>")>` — the timestamp lets receivers refuse replays. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/** Receiver side (and tests): true when the header signs this body with this secret. */
export function verifyWebhookSignature(secret: string, header: string | undefined, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = Buffer.from(signWebhook(secret, Number(match[1]), body));
  const given = Buffer.from(header!);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * POSTs each notification as JSON; any 2xx is delivered, anything else (or a timeout) a
 * failed attempt that the dispatcher retries with backoff. Headers: X-Rectify-Notification-Id
 * (deduplicate on it), X-Rectify-Delivery-Attempt, X-Rectify-Signature.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(private readonly options: WebhookChannelOptions) {}

  async deliver(notification: OutboundNotification, attempt: number): Promise<DeliveryResult> {
    const body = JSON.stringify({ id: notification.id, type: 'NotificationRequested', occurredAt: notification.occurredAt, ...notification.data });
    const timestamp = this.options.nowSeconds?.() ?? Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(this.options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-rectify-notification-id': notification.id,
          'x-rectify-delivery-attempt': String(attempt),
          [SIGNATURE_HEADER]: signWebhook(this.options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.ok ? { ok: true, httpStatus: response.status } : { ok: false, httpStatus: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
}
