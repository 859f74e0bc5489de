import { CASE_EVENT_TYPES, caseDecider, type CaseEvent, type CaseState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const CASES_TABLE = 'rm_cases';

/** Disciplinary cases: one row per case, folded by the case decider's own evolve. */
export const caseView: AggregateViewDefinition<CaseState> = {
  name: 'cases',
  table: CASES_TABLE,
  streamPrefix: 'case-',
  eventTypes: CASE_EVENT_TYPES,
  initialState: caseDecider.initialState,
  evolve: (state, event) => caseDecider.evolve(state, event as CaseEvent),
  columns: [
    stateColumn<CaseState>('status', 'text', (s) => s.status),
    stateColumn<CaseState>('subject_official_id', 'text', (s) => s.subject.officialId),
    stateColumn<CaseState>('subject_unit_id', 'text', (s) => s.subject.unitId),
    stateColumn<CaseState>('origin_kind', 'text', (s) => s.origin.kind),
  ],
};
