import { unitDecider, type UnitEvent, type UnitState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const UNITS_TABLE = 'rm_units';

const UNIT_EVENT_TYPES: readonly UnitEvent['type'][] = ['UnitCreated', 'UnitHeadAppointed', 'UnitHeadVacated'];

export const unitView: AggregateViewDefinition<UnitState> = {
  name: 'units',
  table: UNITS_TABLE,
  streamPrefix: 'unit-',
  eventTypes: UNIT_EVENT_TYPES,
  initialState: unitDecider.initialState,
  evolve: (state, event) => unitDecider.evolve(state, event as UnitEvent),
  columns: [
    stateColumn<UnitState>('name', 'text', (s) => s.name),
    stateColumn<UnitState>('kind', 'text', (s) => s.kind),
    stateColumn<UnitState>('parent_unit_id', 'text', (s) => s.parentUnitId),
    stateColumn<UnitState>('head_official_id', 'text', (s) => s.headOfficialId),
  ],
};
