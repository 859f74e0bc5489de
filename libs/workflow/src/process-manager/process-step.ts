import type { PoolClient } from 'pg';
import { PROCESS_TIMER_FIRED, type FiredTimer } from '@rectify/domain';
import type { NewEvent } from '@rectify/event-store';
import { deterministicUuid } from '../command-handling/deterministic-id';
import { postgresProcessEventLog, type ProcessEventLog } from './process-event-log';
import type { AnyProcessManager, ProcessInput } from './process-manager';
import { deleteTimer, syncTimersOfMany, timerIdOf, type TimerRow } from './timer-table';

export interface StepOptions {
  /** Store time of appended events (the engine clock). */
  now: Date;
  /** Where process streams are read and appended; default: the `events` table in the step's transaction. */
  log?: ProcessEventLog;
}

export type StepOutcome = 'decided' | 'nothing' | 'duplicate' | 'stale' | 'busy';

/**
 * Per-instance mutual exclusion with the subscription (applyEventBatch holds the same
 * advisory lock, waiting) and other pollers: a poller only tries, and skips a busy instance.
 */
async function tryLockProcess(tx: PoolClient, streamId: string): Promise<boolean> {
  const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [streamId]);
  return rows[0].locked;
}

function fold(pm: AnyProcessManager, from: unknown, events: readonly { type: string; data: unknown }[]): unknown {
  return events.reduce((state, e) => pm.evolve(state, { type: e.type, data: e.data }), from);
}

/**
 * One claimed timer: skipped (left for the next poll) when another transaction holds its
 * process. Otherwise every timer of that process due by now fires, oldest first, so a
 * process sees its timers in time order whichever row a poller claimed (after an outage a
 * reminder still precedes the escalation it preceded). Each firing is ProcessTimerFired (id
 * derived from the timer id: a timer fires once) plus the decision, decided on the state after
 * the firings before it. All of the step's events go in ONE append (one statement; expected
 * version = the stream's version read under the lock: anything else writing the stream makes
 * it throw and the step roll back), then ONE statement makes the process's rows match its
 * wanted timers (the claimed row, fired, goes with the other unwanted ones). A claimed row its
 * process no longer wants, or that already fired, is dropped without effect (stale).
 *
 * Through the port (`options.log`, KurrentDB mode) the append happens before `tx` commits: a
 * crash in between leaves the timer row claimable while ProcessTimerFired is in the stream, so
 * the replay finds the firing in the history (stale) and, instead of only deleting the row,
 * makes the process's rows match its state (the timers the crashed step's decision asked for).
 */
export async function fireTimer(tx: PoolClient, pm: AnyProcessManager, row: TimerRow, options: StepOptions): Promise<{ outcome: StepOutcome; fired: number }> {
  const log = options.log ?? postgresProcessEventLog;
  if (!(await tryLockProcess(tx, row.streamId))) return { outcome: 'busy', fired: 0 };
  const history = await log.readHistory(tx, row.streamId);
  const firedIds = new Set(history.filter((e) => e.type === PROCESS_TIMER_FIRED).map((e) => String((e.data as { timerId?: unknown }).timerId)));
  let state = fold(pm, pm.initialState(), history);
  const pending: NewEvent[] = [];
  let fired = 0;
  for (let guard = 0; guard < MAX_FIRINGS_PER_STEP; guard++) {
    const next = dueTimers(pm, state, row.streamId, options.now).find((t) => !firedIds.has(t.timerId));
    if (!next) break;
    const timer: FiredTimer = { timerId: next.timerId, key: next.key, dueAt: new Date(next.dueAt).toISOString(), firedAt: options.now.toISOString() };
    const input: ProcessInput = { kind: 'timer', timer };
    const decided = pm.decide(input, state, await pm.context(input, state, tx));
    const newEvents = [{ type: PROCESS_TIMER_FIRED, data: timer }, ...decided].map((d, i): NewEvent => ({
      id: deterministicUuid('timer-fired', timer.timerId, String(i)),
      type: d.type,
      data: d.data as Record<string, unknown>,
      occurredAt: new Date(timer.dueAt),
      metadata: {
        actorId: `process:${pm.name}`,
        role: 'system',
        unitId: null,
        commandId: `timer:${timer.timerId}`,
        correlationId: `timer:${timer.timerId}`,
        causationId: timer.timerId,
        reason: null,
      },
    }));
    pending.push(...newEvents);
    // As the store will give them back (data through JSON).
    state = fold(pm, state, newEvents.map((e) => ({ type: e.type, data: JSON.parse(JSON.stringify(e.data)) as unknown })));
    firedIds.add(timer.timerId);
    fired++;
    if (pm.timers(state).some((t) => t.key === timer.key && timerIdOf(row.streamId, t) === timer.timerId)) {
      throw new Error(`process ${pm.name} still wants timer ${timer.key} after it fired (evolve must record ProcessTimerFired)`);
    }
  }
  if (pending.length === 0) {
    if (log.recoversAfterCrash) await syncTimersOfMany(tx, pm.name, [{ processId: row.processId, streamId: row.streamId, existed: true, timers: pm.timers(state) }]);
    else await deleteTimer(tx, row.timerId);
    return { outcome: 'stale', fired: 0 };
  }
  const version = history.length === 0 ? 0 : history[history.length - 1].version;
  await log.appendMany(tx, [{ streamId: row.streamId, events: pending, expectedVersion: version }], options.now);
  // The claimed row is one of the stream's rows and no longer wanted (it fired): this deletes it
  // with the others (row-locked by this transaction itself, so SKIP LOCKED never skips it).
  await syncTimersOfMany(tx, pm.name, [{ processId: row.processId, streamId: row.streamId, existed: true, timers: pm.timers(state) }]);
  return { outcome: 'decided', fired };
}

const MAX_FIRINGS_PER_STEP = 100;

function dueTimers(pm: AnyProcessManager, state: unknown, streamId: string, now: Date) {
  return pm
    .timers(state)
    .filter((t) => Date.parse(t.dueAt) <= now.getTime())
    .map((t) => ({ ...t, timerId: timerIdOf(streamId, t) }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.key.localeCompare(b.key));
}
