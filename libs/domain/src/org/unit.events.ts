import type { DomainEvent } from '../shared';
import type { UnitKind } from './unit.values';

export type UnitCreated = DomainEvent<
  'UnitCreated',
  {
    unitId: string;
    name: string;
    code: string | null;
    kind: UnitKind;
    parentUnitId: string | null;
    supervisingUnitId: string | null;
  }
>;

export type UnitHeadAppointed = DomainEvent<
  'UnitHeadAppointed',
  { unitId: string; officialId: string; previousHeadOfficialId: string | null }
>;

export type UnitHeadVacated = DomainEvent<'UnitHeadVacated', { unitId: string; officialId: string; reason: string }>;

export type UnitEvent = UnitCreated | UnitHeadAppointed | UnitHeadVacated;

export const UNIT_EVENT_TYPES = ['UnitCreated', 'UnitHeadAppointed', 'UnitHeadVacated'] as const satisfies readonly UnitEvent['type'][];
