import type { ClientBase } from 'pg';
import type { TimerRequest } from '@rectify/domain';
import { deterministicUuid } from '../command-handling/deterministic-id';

export interface TimerRow {
  timerId: string;
  process: string;
  processId: string;
  streamId: string;
  key: string;
  dueAt: Date;
  attempts: number;
}

/** A timer's id is a function of where and when: re-requesting the same timer is a no-op. */
export const timerIdOf = (streamId: string, request: TimerRequest): string =>
  deterministicUuid('timer', streamId, request.key, new Date(request.dueAt).toISOString());

export interface WantedTimers {
  processId: string;
  streamId: string;
  /** Had events before: it may have rows to delete (a process new in this transaction has none). */
  existed: boolean;
  timers: readonly TimerRequest[];
}

/**
 * Makes the rows of each given process match its wanted timers, for any number of processes
 * in ONE statement. Rows another worker holds (being fired right now) are skipped rather than
 * waited for — no lock cycles between workers; such a row, if no longer wanted, is recognised
 * as stale when it fires and is dropped without effect. The caller holds each process's lock.
 */
export async function syncTimersOfMany(tx: ClientBase, process: string, processes: readonly WantedTimers[]): Promise<void> {
  const rows = processes.flatMap((p) => p.timers.map((t) => ({ p, t, id: timerIdOf(p.streamId, t) })));
  const deleteFrom = processes.filter((p) => p.existed).map((p) => p.streamId);
  if (rows.length === 0 && deleteFrom.length === 0) return;
  await tx.query(
    `WITH wanted AS (
       SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS t(id, process_id, stream_id, key, due_at)
     ), unwanted AS (
       DELETE FROM workflow_timers WHERE timer_id IN (
         SELECT timer_id FROM workflow_timers
          WHERE stream_id = ANY($7::text[]) AND timer_id NOT IN (SELECT id FROM wanted) FOR UPDATE SKIP LOCKED)
     )
     INSERT INTO workflow_timers (timer_id, process, process_id, stream_id, timer_key, due_at, fire_at)
     SELECT id, $1, process_id, stream_id, key, due_at, due_at FROM wanted
     ON CONFLICT (timer_id) DO NOTHING`,
    [
      process,
      rows.map((r) => r.id),
      rows.map((r) => r.p.processId),
      rows.map((r) => r.p.streamId),
      rows.map((r) => r.t.key),
      rows.map((r) => new Date(r.t.dueAt).toISOString()),
      deleteFrom,
    ],
  );
}

/** One process's rows (see syncTimersOfMany). */
export function syncTimers(
  tx: ClientBase,
  process: string,
  processId: string,
  streamId: string,
  wanted: readonly TimerRequest[],
  /** A process that had no events has no rows yet: skip the delete. */
  isNew = false,
): Promise<void> {
  return syncTimersOfMany(tx, process, [{ processId, streamId, existed: !isNew, timers: wanted }]);
}

/** Due rows of these process managers, oldest first, row-locked; rows locked by other workers are skipped. */
export async function claimDueTimers(tx: ClientBase, now: Date, limit: number, processes: readonly string[]): Promise<TimerRow[]> {
  const { rows } = await tx.query<{
    timer_id: string; process: string; process_id: string; stream_id: string; timer_key: string; due_at: Date; attempts: number;
  }>(
    `SELECT timer_id, process, process_id, stream_id, timer_key, due_at, attempts FROM workflow_timers
      WHERE fire_at <= $1 AND process = ANY($3::text[]) ORDER BY fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [now, limit, [...processes]],
  );
  return rows.map((r) => ({
    timerId: r.timer_id, process: r.process, processId: r.process_id, streamId: r.stream_id,
    key: r.timer_key, dueAt: r.due_at, attempts: r.attempts,
  }));
}

export async function deleteTimer(tx: ClientBase, timerId: string): Promise<void> {
  await tx.query('DELETE FROM workflow_timers WHERE timer_id = $1', [timerId]);
}

export async function postponeFailedTimer(tx: ClientBase, timerId: string, error: unknown, retryAt: Date): Promise<void> {
  await tx.query(
    'UPDATE workflow_timers SET attempts = attempts + 1, last_error = $2, fire_at = $3 WHERE timer_id = $1',
    [timerId, error instanceof Error ? `${error.name}: ${error.message}` : String(error), retryAt],
  );
}

export interface TimerTableStatus {
  pending: number;
  due: number;
  failing: number;
  lastError: string | null;
  oldestDueAt: Date | null;
}

/** For /health: counts use the fire_at index; failing rows are few. */
export async function timerTableStatus(
  db: ClientBase | { query: ClientBase['query'] },
  now: Date,
  processes: readonly string[],
): Promise<TimerTableStatus> {
  const { rows } = await db.query<{ pending: string; due: string; oldest: Date | null }>(
    `SELECT count(*)::text AS pending, count(*) FILTER (WHERE fire_at <= $1)::text AS due, min(due_at) FILTER (WHERE fire_at <= $1) AS oldest
       FROM workflow_timers WHERE process = ANY($2::text[])`,
    [now, [...processes]],
  );
  const failing = await db.query<{ n: string; last_error: string | null }>(
    `SELECT count(*) OVER ()::text AS n, last_error FROM workflow_timers
      WHERE attempts > 0 AND process = ANY($1::text[]) ORDER BY fire_at DESC LIMIT 1`,
    [[...processes]],
  );
  return {
    pending: Number(rows[0].pending),
    due: Number(rows[0].due),
    failing: Number(failing.rows[0]?.n ?? 0),
    lastError: failing.rows[0]?.last_error ?? null,
    oldestDueAt: rows[0].oldest,
  };
}
