import { DeciderSpecification } from '@rectify/testing';
import { IllegalTransitionError, NotFoundError, ValidationError } from '../shared';
import type { VacateUnitHead } from './unit.commands';
import { unitDecider } from './unit.decider';
import type { UnitEvent } from './unit.events';

const NOW = new Date('2024-01-02T01:00:00Z');
const spec = () => DeciderSpecification.for(unitDecider);
const created: UnitEvent = {
  type: 'UnitCreated',
  data: { unitId: 'u-1', name: 'Phường Tràng Tiền', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null },
};
const headed: UnitEvent = { type: 'UnitHeadAppointed', data: { unitId: 'u-1', officialId: 'o-1', previousHeadOfficialId: null } };
const vacate = (officialId = 'o-1', reason = 'Điều chuyển theo quyết định kỷ luật'): VacateUnitHead => ({
  type: 'VacateUnitHead',
  data: { unitId: 'u-1', officialId, reason },
  metadata: { actor: { id: 'system', role: 'system' }, now: NOW },
});

describe('unit decider: the head leaves the post', () => {
  it('vacates the head post of the current head', () => {
    spec().given([created, headed]).when(vacate()).then([{ type: 'UnitHeadVacated', data: { unitId: 'u-1', officialId: 'o-1', reason: 'Điều chuyển theo quyết định kỷ luật' } }]);
    spec().given([created, headed]).when(vacate()).thenState({ headOfficialId: null });
  });

  it('refuses someone who is not the head, an unknown unit, or no reason', () => {
    spec().given([created, headed]).when(vacate('o-2')).thenThrows(IllegalTransitionError, 'UNIT.NOT_HEAD');
    spec().given([]).when(vacate()).thenThrows(NotFoundError, 'UNIT.NOT_FOUND');
    spec().given([created, headed]).when(vacate('o-1', '')).thenThrows(ValidationError, 'UNIT.INVALID_REASON');
  });
});
