import { officialDecider, type OfficialEvent, type OfficialState } from '@rectify/domain';
import type { AggregateViewDefinition } from '../projection/aggregate-view.definition';
import { stateColumn } from './view-columns';

export const OFFICIALS_TABLE = 'rm_officials';

const OFFICIAL_EVENT_TYPES: readonly OfficialEvent['type'][] = ['OfficialRegistered', 'OfficialTransferred', 'OfficialDeactivated'];

export const officialView: AggregateViewDefinition<OfficialState> = {
  name: 'officials',
  table: OFFICIALS_TABLE,
  streamPrefix: 'official-',
  eventTypes: OFFICIAL_EVENT_TYPES,
  initialState: officialDecider.initialState,
  evolve: (state, event) => officialDecider.evolve(state, event as OfficialEvent),
  columns: [
    stateColumn<OfficialState>('full_name', 'text', (s) => s.fullName),
    stateColumn<OfficialState>('unit_id', 'text', (s) => s.unitId),
  ],
};
