import { FINDING_EVENT_TYPES, findingDecider, type FindingEvent, type FindingState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const FINDINGS_TABLE = 'rm_findings';

export const findingView: AggregateViewDefinition<FindingState> = {
  name: 'findings',
  table: FINDINGS_TABLE,
  streamPrefix: 'finding-',
  eventTypes: FINDING_EVENT_TYPES,
  initialState: findingDecider.initialState,
  evolve: (state, event) => findingDecider.evolve(state, event as FindingEvent),
  columns: [
    stateColumn<FindingState>('inspection_id', 'text', (s) => s.inspectionId),
    stateColumn<FindingState>('unit_id', 'text', (s) => s.unitId),
    stateColumn<FindingState>('category', 'text', (s) => s.category),
    stateColumn<FindingState>('severity', 'text', (s) => s.severity),
    stateColumn<FindingState>('status', 'text', (s) => s.status),
    stateColumn<FindingState>('title', 'text', (s) => s.title),
    stateColumn<FindingState>('observed_at', 'timestamptz', (s) => s.observedAt),
  ],
};
