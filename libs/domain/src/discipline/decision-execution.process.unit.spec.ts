import type { CaseEvent } from './case.events';
import type { RecordedDecision } from './case.values';
import {
  decideDecisionExecution,
  decisionExecutionTimers,
  evolveDecisionExecution,
  initialDecisionExecutionState,
  type DecisionExecutionInput,
  type DecisionExecutionProcessEvent,
} from './decision-execution.process';

const decision = { executesOn: '2024-03-20' } as RecordedDecision;
const decided: CaseEvent = { type: 'CaseDecided', data: { caseId: 'c-1', decision } };
const reopened: CaseEvent = { type: 'CaseReopened', data: { caseId: 'c-1', round: 1, reason: 'appeal', explanationDueDate: '2024-03-25' } };
const run = (inputs: DecisionExecutionInput[]) => {
  let state = initialDecisionExecutionState();
  const out: DecisionExecutionProcessEvent[] = [];
  for (const input of inputs) {
    const events = decideDecisionExecution(input, state);
    out.push(...events);
    state = events.reduce(evolveDecisionExecution, state);
  }
  return { state, out };
};
const ev = (event: CaseEvent) => ({ kind: 'event', event }) as DecisionExecutionInput;

describe('decision-execution process', () => {
  it('schedules a timer at 00:00 Vietnam time on the execution day; the timer makes it due once', () => {
    const { state, out } = run([ev(decided)]);
    expect(out).toEqual([{ type: 'DecisionExecutionScheduled', data: { caseId: 'c-1', executesOn: '2024-03-20', timerKey: 'execute-1' } }]);
    expect(decisionExecutionTimers(state)).toEqual([{ key: 'execute-1', dueAt: '2024-03-20T00:00:00+07:00' }]);
    const fired = run([ev(decided), { kind: 'timer', key: 'execute-1' }, { kind: 'timer', key: 'execute-1' }]);
    expect(fired.out.map((e) => e.type)).toEqual(['DecisionExecutionScheduled', 'DecisionExecutionDue']);
    expect(decisionExecutionTimers(fired.state)).toEqual([]);
  });

  it('an appeal cancels the timer; the new decision schedules a fresh key', () => {
    const { state, out } = run([ev(decided), ev(reopened), ev(decided), { kind: 'timer', key: 'execute-1' }]);
    expect(out.map((e) => e.type)).toEqual(['DecisionExecutionScheduled', 'DecisionExecutionCancelled', 'DecisionExecutionScheduled']);
    expect(decisionExecutionTimers(state)).toEqual([{ key: 'execute-2', dueAt: '2024-03-20T00:00:00+07:00' }]);
  });

  it('finishes when the decision was carried out', () => {
    const executed: CaseEvent = { type: 'DecisionExecuted', data: { caseId: 'c-1', decisionKind: 'transfer', notes: [] } };
    const { state } = run([ev(decided), { kind: 'timer', key: 'execute-1' }, ev(executed)]);
    expect(state.status).toBe('finished');
    expect(decideDecisionExecution(ev(decided), state)).toEqual([]);
  });
});
