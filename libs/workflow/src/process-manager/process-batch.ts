import type { ClientBase, PoolClient } from 'pg';
import { appendInTransaction, type NewEvent, type RecordedEvent } from '@rectify/event-store';
import { deterministicUuid } from '../command-handling/deterministic-id';
import { processStreamId, type AnyProcessManager, type ProcessInput } from './process-manager';
import type { StepOptions } from './process-step';
import { syncTimersOfMany, type WantedTimers } from './timer-table';

/** What a process step needs of its stream's history. */
interface HistoryEvent {
  version: number;
  type: string;
  data: unknown;
  causationId: string | null;
}

interface Instance {
  processId: string;
  streamId: string;
  /** Had events before this batch (so it may have timer rows to delete). */
  existed: boolean;
  history: HistoryEvent[];
  changed: boolean;
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
 * contexts need, one makes their timer rows match; per deciding event only its append remains
 * (and whatever its context still reads).
 *
 * Mutual exclusion per instance is kept: the subscription holds each instance's advisory lock
 * (taken in stream-id order, waiting) for the whole batch; timer pollers only try-lock and
 * skip a busy instance, so the two paths never interleave on one instance and never deadlock
 * (pollers never wait on an advisory lock; another engine's subscription for the same process
 * manager waits on the checkpoint row lock before it takes any).
 */
export async function applyEventBatch(tx: PoolClient, pm: AnyProcessManager, batch: readonly RecordedEvent[], options: StepOptions): Promise<BatchOutcome> {
  const routed = batch.map((event) => ({ event, processId: pm.route(event) })).filter((r): r is { event: RecordedEvent; processId: string } => r.processId !== null);
  const outcome: BatchOutcome = { decided: 0, nothing: 0, duplicate: 0 };
  if (routed.length === 0) return outcome;
  const instances = await loadInstances(tx, pm, [...new Set(routed.map((r) => r.processId))]);
  const prefetched = await pm.prefetch?.(routed.map((r) => r.event), tx);
  for (const { event, processId } of routed) {
    const instance = instances.get(processId)!;
    // Already handled (a replayed subscription): event ids derive from the input's id anyway.
    if (instance.history.some((e) => e.causationId === event.id)) {
      outcome.duplicate++;
      continue;
    }
    const state = fold(pm, instance.history);
    const input: ProcessInput = { kind: 'event', event };
    const decided = pm.decide(input, state, await pm.context(input, state, tx, prefetched));
    if (decided.length === 0) {
      outcome.nothing++;
      continue;
    }
    const version = instance.history.length === 0 ? 0 : instance.history[instance.history.length - 1].version;
    const result = await appendInTransaction(tx, instance.streamId, decided.map((d, i) => processEvent(pm, event, d, i)), { expectedVersion: version }, new Date(Math.trunc(options.now.getTime())));
    instance.history.push(...result.events.map(toHistory));
    instance.changed = true;
    outcome.decided++;
  }
  const changed = [...instances.values()].filter((i) => i.changed);
  const wanted: WantedTimers[] = changed.map((i) => ({ processId: i.processId, streamId: i.streamId, existed: i.existed, timers: pm.timers(fold(pm, i.history)) }));
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

/** Locks (stream-id order, one statement) and loads (one statement) every instance of the batch. */
async function loadInstances(tx: ClientBase, pm: AnyProcessManager, processIds: string[]): Promise<Map<string, Instance>> {
  const streams = processIds.map((id) => ({ processId: id, streamId: processStreamId(pm, id) })).sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const streamIds = streams.map((s) => s.streamId);
  // A function scan over unnest yields in array order, so the locks are taken in sorted order.
  await tx.query('SELECT count(pg_advisory_xact_lock(hashtextextended(s, 0))) FROM unnest($1::text[]) AS s', [streamIds]);
  const { rows } = await tx.query<{ stream_id: string; version: number; type: string; data: unknown; causation_id: string | null }>(
    `SELECT stream_id, version, type, data, metadata->>'causationId' AS causation_id
       FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version`,
    [streamIds],
  );
  const byStream = new Map<string, HistoryEvent[]>();
  for (const r of rows) {
    const list = byStream.get(r.stream_id) ?? [];
    list.push({ version: r.version, type: r.type, data: r.data, causationId: r.causation_id });
    byStream.set(r.stream_id, list);
  }
  return new Map(streams.map(({ processId, streamId }) => {
    const history = byStream.get(streamId) ?? [];
    return [processId, { processId, streamId, existed: history.length > 0, history, changed: false }];
  }));
}

const toHistory = (e: RecordedEvent): HistoryEvent => ({ version: e.version, type: e.type, data: e.data, causationId: e.metadata.causationId ?? null });

function fold(pm: AnyProcessManager, history: readonly HistoryEvent[]): unknown {
  return history.reduce((state, e) => pm.evolve(state, { type: e.type, data: e.data }), pm.initialState());
}
