import type { Pool } from 'pg';
import { applySchemaOnce } from '@rectify/event-store';

/**
 * Timers of every process manager. `fire_at` is when a poller may next try it (due_at, later
 * after a failure: backoff); pollers claim `fire_at <= now` with FOR UPDATE SKIP LOCKED.
 * Notification outbox and delivery attempts for the notification channel.
 */
const STATEMENTS = [
  `CREATE TABLE IF NOT EXISTS workflow_timers (
     timer_id   uuid        PRIMARY KEY,
     process    text        NOT NULL,
     process_id text        NOT NULL,
     stream_id  text        NOT NULL,
     timer_key  text        NOT NULL,
     due_at     timestamptz NOT NULL,
     fire_at    timestamptz NOT NULL,
     attempts   integer     NOT NULL DEFAULT 0,
     last_error text,
     created_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS workflow_timers_fire_at ON workflow_timers (fire_at)`,
  `CREATE INDEX IF NOT EXISTS workflow_timers_stream ON workflow_timers (stream_id)`,
  `CREATE TABLE IF NOT EXISTS notification_outbox (
     notification_id uuid        PRIMARY KEY,
     channel         text        NOT NULL,
     payload         jsonb       NOT NULL,
     status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
     attempts        integer     NOT NULL DEFAULT 0,
     next_attempt_at timestamptz NOT NULL DEFAULT now(),
     delivered_at    timestamptz,
     last_error      text,
     created_at      timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX IF NOT EXISTS notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'pending'`,
  `CREATE TABLE IF NOT EXISTS notification_delivery_attempts (
     notification_id uuid        NOT NULL,
     attempt         integer     NOT NULL,
     channel         text        NOT NULL,
     outcome         text        NOT NULL CHECK (outcome IN ('delivered', 'failed')),
     http_status     integer,
     error           text,
     duration_ms     integer     NOT NULL,
     attempted_at    timestamptz NOT NULL DEFAULT now(),
     PRIMARY KEY (notification_id, attempt)
   )`,
];

/** Once per schema version, advisory-locked: safe when several engines boot at once. */
export async function migrateWorkflow(pool: Pool): Promise<void> {
  await applySchemaOnce(pool, 'workflow', STATEMENTS);
}
