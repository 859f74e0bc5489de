import type { PoolClient } from 'pg';
import type { FiredTimer, ProcessTimerFired, TimerRequest } from '@rectify/domain';
import type { RecordedEvent } from '@rectify/event-store';

/** What moves a process: an event from the global log, or one of its timers coming due. */
export type ProcessInput = { kind: 'event'; event: RecordedEvent } | { kind: 'timer'; timer: FiredTimer };

/**
 * A durable process manager: a decider over its own stream `<name>-<id>`.
 *
 * - Inputs: events of `inputTypes` from the gap-free log (one checkpointed subscription per
 *   process manager, `process:<name>`), and its timers.
 * - `context` gathers facts from elsewhere (registry, calendar, policy) inside the
 *   transaction; `decide` must be pure given (input, state, context).
 * - Timers are declarative: `timers(state)` lists the timers the state wants; after each
 *   decision the runtime makes the timer table match. A fired timer's key must never be
 *   wanted again (evolve records ProcessTimerFired).
 * - Effects are the appended events: an input's decision, its checkpoint (or the timer's
 *   deletion) and the timer table changes commit in one transaction, so each input takes
 *   effect exactly once.
 */
export interface ProcessManager<S, E extends { type: string; data: unknown }, X = unknown> {
  /** Stream prefix and subscription name: streams `<name>-<id>`, checkpoint `process:<name>`. */
  readonly name: string;
  readonly inputTypes: readonly string[];
  /** The process instance a log event belongs to; null when it starts or moves none. */
  route(event: RecordedEvent): string | null;
  initialState(): S;
  evolve(state: S, event: E | ProcessTimerFired): S;
  /**
   * Optional: facts for a whole subscription batch read at once (one round trip instead of
   * one per event), inside the batch's transaction; handed to `context` of that batch's
   * events (timer firings get undefined). Must not keep state between calls.
   */
  prefetch?(events: readonly RecordedEvent[], tx: PoolClient): Promise<unknown>;
  context(input: ProcessInput, state: S, tx: PoolClient, prefetched?: unknown): Promise<X>;
  decide(input: ProcessInput, state: S, context: X): E[];
  timers(state: S): TimerRequest[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcessManager = ProcessManager<any, { type: string; data: any }, any>;

export const processStreamId = (pm: { name: string }, processId: string): string => `${pm.name}-${processId}`;
