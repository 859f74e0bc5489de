import { assertNever, type DomainEvent } from '../shared';
import type { TimerRequest } from '../remediation/process-timer';
import type { CaseEvent } from './case.events';

/**
 * The decision-execution process (stream `decision-execution-<caseId>`), a decider over its
 * own stream: a decided case schedules a timer for its execution day (the later of the
 * effective date and the day after the appeal window, 00:00 Vietnam time); an appeal cancels
 * it; the fired timer records DecisionExecutionDue, which the executor carries out (every
 * step idempotent); DecisionExecuted finishes the process. A re-decision after an appeal
 * schedules a new timer under a new key (a fired key is never wanted again).
 */
export type DecisionExecutionScheduled = DomainEvent<'DecisionExecutionScheduled', { caseId: string; executesOn: string; timerKey: string }>;
export type DecisionExecutionCancelled = DomainEvent<'DecisionExecutionCancelled', { caseId: string; reason: string }>;
export type DecisionExecutionDue = DomainEvent<'DecisionExecutionDue', { caseId: string; executesOn: string }>;
export type DecisionExecutionFinished = DomainEvent<'DecisionExecutionFinished', { caseId: string }>;
export type DecisionExecutionProcessEvent = DecisionExecutionScheduled | DecisionExecutionCancelled | DecisionExecutionDue | DecisionExecutionFinished;

export const DECISION_EXECUTION_PROCESS = 'decision-execution';
export const DECISION_EXECUTION_INPUT_TYPES = ['CaseDecided', 'CaseReopened', 'DecisionExecuted'] as const satisfies readonly CaseEvent['type'][];

export interface DecisionExecutionProcessState {
  status: 'idle' | 'scheduled' | 'due' | 'finished';
  caseId: string | null;
  executesOn: string | null;
  timerKey: string | null;
  /** How many times a timer was scheduled (keys stay unique across appeals). */
  schedules: number;
}

export type DecisionExecutionInput =
  | { kind: 'event'; event: Extract<CaseEvent, { type: (typeof DECISION_EXECUTION_INPUT_TYPES)[number] }> }
  | { kind: 'timer'; key: string };

export const initialDecisionExecutionState = (): DecisionExecutionProcessState => ({
  status: 'idle',
  caseId: null,
  executesOn: null,
  timerKey: null,
  schedules: 0,
});

export function decideDecisionExecution(input: DecisionExecutionInput, state: DecisionExecutionProcessState): DecisionExecutionProcessEvent[] {
  if (state.status === 'finished') return [];
  if (input.kind === 'timer') {
    if (state.status !== 'scheduled' || input.key !== state.timerKey) return [];
    return [{ type: 'DecisionExecutionDue', data: { caseId: state.caseId!, executesOn: state.executesOn! } }];
  }
  const { event } = input;
  switch (event.type) {
    case 'CaseDecided': {
      const { caseId, decision } = event.data;
      return [{ type: 'DecisionExecutionScheduled', data: { caseId, executesOn: decision.executesOn, timerKey: `execute-${state.schedules + 1}` } }];
    }
    case 'CaseReopened':
      return state.status === 'scheduled' ? [{ type: 'DecisionExecutionCancelled', data: { caseId: event.data.caseId, reason: 'appeal filed: the case reopened' } }] : [];
    case 'DecisionExecuted':
      return [{ type: 'DecisionExecutionFinished', data: { caseId: event.data.caseId } }];
    default:
      return assertNever(event);
  }
}

export function evolveDecisionExecution(state: DecisionExecutionProcessState, event: DecisionExecutionProcessEvent | { type: 'ProcessTimerFired'; data: unknown }): DecisionExecutionProcessState {
  switch (event.type) {
    case 'DecisionExecutionScheduled':
      return { status: 'scheduled', caseId: event.data.caseId, executesOn: event.data.executesOn, timerKey: event.data.timerKey, schedules: state.schedules + 1 };
    case 'DecisionExecutionCancelled':
      return { ...state, status: 'idle', timerKey: null };
    case 'DecisionExecutionDue':
      return { ...state, status: 'due', timerKey: null };
    case 'DecisionExecutionFinished':
      return { ...state, status: 'finished', timerKey: null };
    case 'ProcessTimerFired':
      return state;
    default:
      return assertNever(event);
  }
}

/** The one timer a scheduled process wants: 00:00 (UTC+7) on the execution day. */
export function decisionExecutionTimers(state: DecisionExecutionProcessState): TimerRequest[] {
  return state.status === 'scheduled' && state.timerKey && state.executesOn ? [{ key: state.timerKey, dueAt: `${state.executesOn}T00:00:00+07:00` }] : [];
}
