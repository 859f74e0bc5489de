import {
  DECISION_EXECUTION_INPUT_TYPES,
  DECISION_EXECUTION_PROCESS,
  decideDecisionExecution,
  decisionExecutionTimers,
  evolveDecisionExecution,
  initialDecisionExecutionState,
  type DecisionExecutionInput,
  type DecisionExecutionProcessEvent,
  type DecisionExecutionProcessState,
} from '@rectify/domain';
import type { ProcessManager } from '@rectify/workflow';

/** The pure decision-execution process on the workflow runtime: one instance per case. */
export const decisionExecutionProcessManager: ProcessManager<DecisionExecutionProcessState, DecisionExecutionProcessEvent, null> = {
  name: DECISION_EXECUTION_PROCESS,
  inputTypes: DECISION_EXECUTION_INPUT_TYPES,
  route: (event) => (event.streamId.startsWith('case-') ? event.streamId.slice('case-'.length) : null),
  initialState: initialDecisionExecutionState,
  evolve: (state, event) => evolveDecisionExecution(state, event as DecisionExecutionProcessEvent),
  context: async () => null,
  decide: (input, state) => {
    const mapped: DecisionExecutionInput =
      input.kind === 'timer'
        ? { kind: 'timer', key: input.timer.key }
        : { kind: 'event', event: { type: input.event.type, data: input.event.data } as Extract<DecisionExecutionInput, { kind: 'event' }>['event'] };
    return decideDecisionExecution(mapped, state);
  },
  timers: decisionExecutionTimers,
};
