import { EVALUATION_EVENT_TYPES, evaluationDecider, type EvaluationEvent, type EvaluationState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';

export const EVALUATIONS_TABLE = 'rm_evaluations';

/** One row per official (id = official id): every period's current rating in `state.periods`. */
export const evaluationView: AggregateViewDefinition<EvaluationState> = {
  name: 'evaluations',
  table: EVALUATIONS_TABLE,
  streamPrefix: 'evaluation-',
  eventTypes: EVALUATION_EVENT_TYPES,
  initialState: evaluationDecider.initialState,
  evolve: (state, event) => evaluationDecider.evolve(state, event as EvaluationEvent),
  columns: [],
};
