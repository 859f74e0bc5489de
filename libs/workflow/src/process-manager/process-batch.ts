import type { ClientBase, PoolClient } from 'pg';
import type { NewEvent, RecordedEvent } from '@rectify/event-store';
import { deterministicUuid } from '../command-handling/deterministic-id';
import { postgresProcessEventLog, type HistoryEvent, type ProcessEventLog } from './process-event-log';
import { processStreamId, type AnyProcessManager, type ProcessInput } from './process-manager';
import type { StepOptions } from './process-step';
import { syncTimersOfMany, type WantedTimers } from './timer-table';

interface Instance {
  processId: string;
  streamId: string;
  /** Had events before this batch (so it may have timer rows to delete). */
  existed: boolean;
  /** Stored history, then this batch's decided events at the versions they will get. */
  history: HistoryEvent[];
  /** Stream version before this batch: the expected version of its one append. */
  storedVersion: number;
  /** Folded over `history` (computed on first use). */
  state?: unknown;
  /** This batch's decided events, in decision order: appended together at the end. */
  pending: NewEvent[];
  /** Some input of this batch was already in the history (a replay). */
  replayed: boolean;
}

export interface BatchOutcome {
  decided: number;
  nothing: number;
  duplicate: number;
}

/**
 * A subscription batch of log events into their process instances, inside the
 * subscription's transaction (the one that saves its checkpoint: effects exactly once).
 * Round trips per batch, not per event: one statement locks every instance the batch
 * touches, one loads their histories, one (`prefetch`, optional) reads the facts their
 * contexts need, ONE appends every instance's decided events (appendManyInTransaction: one
 * append per process stream, expected version = its version before the batch, hash chain
 * continued from its head), one makes their timer rows match. Per event only what its
 * context still reads remains.
 *
 * Each event is decided on its instance's state so far, this batch's earlier decisions
 * included (held in memory with the versions they will be stored at); a context therefore must
 * not read its own process stream from the database (it reads other streams: registry,
 * policy). The append's expected versions are checked after the locks: should anything else
 * have written a process stream, the append throws ConcurrencyError and the whole batch — its
 * events, timers and checkpoint — rolls back and is retried, never appended twice.
 *
 * Mutual exclusion per instance is kept: the subscription holds each instance's advisory lock
 * (taken in stream-id order, waiting) for the whole batch; timer pollers only try-lock and
 * skip a busy instance, so the two paths never interleave on one instance and never deadlock
 * (pollers never wait on an advisory lock; another engine's subscription for the same process
 * manager waits on the checkpoint row lock before it takes any).
 *
 * `options.log` says where the process streams live (process-event-log.ts): by default the
 * `events` table in `tx` (all of the above in one transaction); with the port (KurrentDB mode)
 * histories are read and the append made through the EventStore port before `tx` commits, and
 * an instance a replay finds already handled gets its timer rows resynced (the crashed attempt's
 * rows rolled back with `tx` while its events stayed in the store).
 */
export async function applyEventBatch(tx: PoolClient, pm: AnyProcessManager, batch: readonly RecordedEvent[], options: StepOptions): Promise<BatchOutcome> {
  const log = options.log ?? postgresProcessEventLog;
  const routed = batch.map((event) => ({ event, processId: pm.route(event) })).filter((r): r is { event: RecordedEvent; processId: string } => r.processId !== null);
  const outcome: BatchOutcome = { decided: 0, nothing: 0, duplicate: 0 };
  if (routed.length === 0) return outcome;
  const instances = await loadInstances(tx, log, pm, [...new Set(routed.map((r) => r.processId))]);
  const prefetched = await pm.prefetch?.(routed.map((r) => r.event), tx);
  for (const { event, processId } of routed) {
    const instance = instances.get(processId)!;
    // Already handled (a replayed subscription): event ids derive from the input's id anyway.
    if (instance.history.some((e) => e.causationId === event.id)) {
      outcome.duplicate++;
      instance.replayed = true;
      continue;
    }
    const state = (instance.state ??= fold(pm, pm.initialState(), instance.history));
    const input: ProcessInput = { kind: 'event', event };
    const decided = pm.decide(input, state, await pm.context(input, state, tx, prefetched));
    if (decided.length === 0) {
      outcome.nothing++;
      continue;
    }
    const events = decided.map((d, i) => processEvent(pm, event, d, i));
    // As the store will give them back: data through JSON, versions after the stream's last.
    const appended = events.map((e, i): HistoryEvent => ({ version: lastVersion(instance) + i + 1, type: e.type, data: jsonCopy(e.data), causationId: event.id }));
    instance.history.push(...appended);
    instance.state = fold(pm, state, appended);
    instance.pending.push(...events);
    outcome.decided++;
  }
  const changed = [...instances.values()].filter((i) => i.pending.length > 0);
  await log.appendMany(tx, changed.map((i) => ({ streamId: i.streamId, events: i.pending, expectedVersion: i.storedVersion })), options.now);
  const resynced = log.recoversAfterCrash ? [...instances.values()].filter((i) => i.pending.length === 0 && i.replayed) : [];
  const wanted: WantedTimers[] = [...changed, ...resynced].map((i) => ({
    processId: i.processId, streamId: i.streamId, existed: i.existed, timers: pm.timers(i.state ?? fold(pm, pm.initialState(), i.history)),
  }));
  await syncTimersOfMany(tx, pm.name, wanted);
  return outcome;
}

function processEvent(pm: AnyProcessManager, event: RecordedEvent, decided: { type: string; data: unknown }, index: number): NewEvent {
  return {
    id: deterministicUuid('process', pm.name, event.id, String(index)),
    type: decided.type,
    data: decided.data as Record<string, unknown>,
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
  };
}

/** Locks (stream-id order, one statement) and loads (one statement, or one port read per stream) every instance of the batch. */
async function loadInstances(tx: ClientBase, log: ProcessEventLog, pm: AnyProcessManager, processIds: string[]): Promise<Map<string, Instance>> {
  const streams = processIds.map((id) => ({ processId: id, streamId: processStreamId(pm, id) })).sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const streamIds = streams.map((s) => s.streamId);
  // A function scan over unnest yields in array order, so the locks are taken in sorted order.
  await tx.query('SELECT count(pg_advisory_xact_lock(hashtextextended(s, 0))) FROM unnest($1::text[]) AS s', [streamIds]);
  const byStream = await log.readHistories(tx, streamIds);
  return new Map(streams.map(({ processId, streamId }) => {
    const history = byStream.get(streamId) ?? [];
    const storedVersion = history.length === 0 ? 0 : history[history.length - 1].version;
    return [processId, { processId, streamId, existed: history.length > 0, history, storedVersion, pending: [], replayed: false }];
  }));
}

const lastVersion = (instance: Instance): number => (instance.history.length === 0 ? 0 : instance.history[instance.history.length - 1].version);

const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function fold(pm: AnyProcessManager, from: unknown, events: readonly HistoryEvent[]): unknown {
  return events.reduce((state, e) => pm.evolve(state, { type: e.type, data: e.data }), from);
}
