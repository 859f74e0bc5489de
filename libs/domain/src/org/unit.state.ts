import type { UnitKind } from './unit.values';

export interface AbsentUnit {
  status: 'absent';
}

export interface ActiveUnit {
  status: 'active';
  id: string;
  name: string;
  code: string | null;
  kind: UnitKind;
  parentUnitId: string | null;
  supervisingUnitId: string | null;
  /** At most one head at a time; for an inspection_team, its team lead. */
  headOfficialId: string | null;
}

export type UnitState = AbsentUnit | ActiveUnit;

export const initialUnitState = (): UnitState => ({ status: 'absent' });
