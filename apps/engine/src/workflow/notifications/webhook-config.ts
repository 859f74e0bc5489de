import { WebhookChannel, type NotificationChannel } from '@rectify/workflow';
import { ConfigError } from '../../config';

/**
 * WEBHOOK_URL (http/https) enables the webhook channel; WEBHOOK_SECRET (>= 16 characters)
 * is then required: every payload is HMAC-SHA256 signed with it. No URL: notifications stay
 * events only (the inbox shows them), nothing is sent.
 */
export function notificationChannelsFromEnv(env: NodeJS.ProcessEnv): NotificationChannel[] {
  const url = env.WEBHOOK_URL?.trim();
  const secret = env.WEBHOOK_SECRET?.trim() ?? '';
  if (!url) return [];
  const issues: string[] = [];
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') issues.push(`WEBHOOK_URL must be an http(s) URL (got '${url}')`);
  } catch {
    issues.push(`WEBHOOK_URL must be an http(s) URL (got '${url}')`);
  }
  if (secret.length < 16) issues.push(`WEBHOOK_SECRET must be at least 16 characters when WEBHOOK_URL is set (got ${secret.length})`);
  if (issues.length > 0) throw new ConfigError(issues);
  return [new WebhookChannel({ url, secret })];
}

/** WORKFLOW_TIMER_POLL_MS: how often timers are polled (bounds their lateness). Default 250. */
export function timerPollIntervalFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WORKFLOW_TIMER_POLL_MS?.trim();
  if (!raw) return 250;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 10 || value > 60_000) throw new ConfigError([`WORKFLOW_TIMER_POLL_MS must be an integer 10-60000 (got '${raw}')`]);
  return value;
}

/** WORKFLOW_TIMER_BATCH: due timers (processes) claimed per poller transaction, 1-1000. Default 100. */
export function timerBatchSizeFromEnv(env: NodeJS.ProcessEnv): number {
  const raw = env.WORKFLOW_TIMER_BATCH?.trim();
  if (!raw) return 100;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 1000) throw new ConfigError([`WORKFLOW_TIMER_BATCH must be an integer 1-1000 (got '${raw}')`]);
  return value;
}
