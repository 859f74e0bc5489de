import type { PoolClient } from 'pg';
import { PROCESS_TIMER_FIRED, type FiredTimer } from '@rectify/domain';
import { appendInTransaction, readStreamWith, type NewEvent, type RecordedEvent } from '@rectify/event-store';
import { deterministicUuid } from '../command-handling/deterministic-id';
import type { AnyProcessManager, ProcessInput } from './process-manager';
import { deleteTimer, syncTimers, timerIdOf, type TimerRow } from './timer-table';

export interface StepOptions {
  /** Store time of appended events (the engine clock). */
  now: Date;
}

export type StepOutcome = 'decided' | 'nothing' | 'duplicate' | 'stale' | 'busy';

/** Serialises every writer of one process instance (subscription, timer pollers, engines). */
async function lockProcess(tx: PoolClient, streamId: string, wait: boolean): Promise<boolean> {
  if (wait) {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [streamId]);
    return true;
  }
  const { rows } = await tx.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [streamId]);
  return rows[0].locked;
}

function fold(pm: AnyProcessManager, history: readonly RecordedEvent[]): unknown {
  return history.reduce((state, e) => pm.evolve(state, { type: e.type, data: e.data }), pm.initialState());
}

/** One log event into one process instance, inside the subscription's transaction. */
export async function applyEvent(tx: PoolClient, pm: AnyProcessManager, processId: string, event: RecordedEvent, options: StepOptions): Promise<StepOutcome> {
  const streamId = `${pm.name}-${processId}`;
  await lockProcess(tx, streamId, true);
  const history = await readStreamWith(tx, streamId);
  // Already handled (a replayed subscription): event ids derive from the input's id anyway.
  if (history.some((e) => e.metadata.causationId === event.id)) return 'duplicate';
  const state = fold(pm, history);
  const input: ProcessInput = { kind: 'event', event };
  const decided = pm.decide(input, state, await pm.context(input, state, tx));
  if (decided.length === 0) return 'nothing';
  const newEvents = decided.map((d, i): NewEvent => ({
    id: deterministicUuid('process', pm.name, event.id, String(i)),
    type: d.type,
    data: d.data as Record<string, unknown>,
    occurredAt: event.occurredAt,
    metadata: {
      actorId: `process:${pm.name}`,
      role: 'system',
      unitId: null,
      commandId: `process:${pm.name}:${event.id}`,
      correlationId: event.metadata.correlationId,
      causationId: event.id,
      reason: null,
    },
  }));
  await append(tx, pm, processId, streamId, history, newEvents, options);
  return 'decided';
}

/**
 * One claimed timer: skipped (left for the next poll) when another transaction holds its
 * process. Otherwise every timer of that process due by now fires, oldest first, so a
 * process sees its timers in time order whichever row a poller claimed (after an outage a
 * reminder still precedes the escalation it preceded). Each firing is ProcessTimerFired (id
 * derived from the timer id: a timer fires once) plus the decision. A claimed row its process
 * no longer wants, or that already fired, is dropped without effect (stale).
 */
export async function fireTimer(tx: PoolClient, pm: AnyProcessManager, row: TimerRow, options: StepOptions): Promise<{ outcome: StepOutcome; fired: number }> {
  if (!(await lockProcess(tx, row.streamId, false))) return { outcome: 'busy', fired: 0 };
  const history = await readStreamWith(tx, row.streamId);
  const firedIds = new Set(history.filter((e) => e.type === PROCESS_TIMER_FIRED).map((e) => String(e.data.timerId)));
  let state = fold(pm, history);
  let version = history.length === 0 ? 0 : history[history.length - 1].version;
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
    const result = await appendInTransaction(tx, row.streamId, newEvents, { expectedVersion: version }, new Date(Math.trunc(options.now.getTime())));
    version = result.nextExpectedVersion;
    state = result.events.reduce((s, e) => pm.evolve(s, { type: e.type, data: e.data }), state);
    firedIds.add(timer.timerId);
    fired++;
    if (pm.timers(state).some((t) => t.key === timer.key && timerIdOf(row.streamId, t) === timer.timerId)) {
      throw new Error(`process ${pm.name} still wants timer ${timer.key} after it fired (evolve must record ProcessTimerFired)`);
    }
  }
  await deleteTimer(tx, row.timerId);
  if (fired > 0) await syncTimers(tx, pm.name, row.processId, row.streamId, pm.timers(state));
  return { outcome: fired > 0 ? 'decided' : 'stale', fired };
}

const MAX_FIRINGS_PER_STEP = 100;

function dueTimers(pm: AnyProcessManager, state: unknown, streamId: string, now: Date) {
  return pm
    .timers(state)
    .filter((t) => Date.parse(t.dueAt) <= now.getTime())
    .map((t) => ({ ...t, timerId: timerIdOf(streamId, t) }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.key.localeCompare(b.key));
}

async function append(
  tx: PoolClient,
  pm: AnyProcessManager,
  processId: string,
  streamId: string,
  history: readonly RecordedEvent[],
  newEvents: NewEvent[],
  options: StepOptions,
): Promise<unknown> {
  const version = history.length === 0 ? 0 : history[history.length - 1].version;
  const result = await appendInTransaction(tx, streamId, newEvents, { expectedVersion: version }, new Date(Math.trunc(options.now.getTime())));
  const state = fold(pm, [...history, ...result.events]);
  await syncTimers(tx, pm.name, processId, streamId, pm.timers(state), history.length === 0);
  return state;
}
