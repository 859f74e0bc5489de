import type { DomainEvent } from '../shared';

/**
 * Timers of durable process managers (the runtime lives in libs/workflow). A process asks
 * for timers by deriving them from its state; when one is due the runtime records
 * ProcessTimerFired in the process's stream (with an id derived from the timer) and hands
 * the process a TimerFired input.
 */
export interface TimerRequest {
  /** Unique within the process instance; a fired key must not be requested again. */
  key: string;
  /** ISO instant. */
  dueAt: string;
}

export interface FiredTimer {
  timerId: string;
  key: string;
  dueAt: string;
  /** The runtime clock's time when it fired. */
  firedAt: string;
}

export type ProcessTimerFired = DomainEvent<'ProcessTimerFired', FiredTimer>;
export const PROCESS_TIMER_FIRED = 'ProcessTimerFired';
