import { inspectionDecider, type InspectionEvent, type InspectionState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const INSPECTIONS_TABLE = 'rm_inspections';

const INSPECTION_EVENT_TYPES: readonly InspectionEvent['type'][] = ['InspectionOpened', 'InspectionConcluded'];

export const inspectionView: AggregateViewDefinition<InspectionState> = {
  name: 'inspections',
  table: INSPECTIONS_TABLE,
  streamPrefix: 'inspection-',
  eventTypes: INSPECTION_EVENT_TYPES,
  initialState: inspectionDecider.initialState,
  evolve: (state, event) => inspectionDecider.evolve(state, event as InspectionEvent),
  columns: [
    stateColumn<InspectionState>('kind', 'text', (s) => s.kind),
    stateColumn<InspectionState>('unit_id', 'text', (s) => s.unitId),
    stateColumn<InspectionState>('team_id', 'text', (s) => s.teamId),
    stateColumn<InspectionState>('status', 'text', (s) => s.status),
    stateColumn<InspectionState>('started_at', 'timestamptz', (s) => s.startedAt),
  ],
};
