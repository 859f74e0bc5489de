import type { Command } from '../shared';
import type { UnitKind } from './unit.values';

export type CreateUnit = Command<
  'CreateUnit',
  {
    unitId: string;
    name: string;
    code?: string | null;
    kind: UnitKind;
    parentUnitId?: string | null;
    supervisingUnitId?: string | null;
  }
>;

/**
 * `officialUnitId` is the official's current unit, loaded by the handler from the
 * official's stream (the handler throws OFFICIAL.NOT_FOUND when there is none).
 */
export type AppointUnitHead = Command<
  'AppointUnitHead',
  {
    unitId: string;
    officialId: string;
    officialUnitId: string;
    /** The official's registry status, loaded with `officialUnitId`; an inactive official cannot head a unit. Absent = active. */
    officialStatus?: 'active' | 'inactive';
  }
>;

/** The head leaves the post (transfer, dismissal or termination) with no successor named yet. */
export type VacateUnitHead = Command<'VacateUnitHead', { unitId: string; officialId: string; reason: string }>;

export type UnitCommand = CreateUnit | AppointUnitHead | VacateUnitHead;
