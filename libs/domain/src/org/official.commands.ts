import type { Command } from '../shared';

/** The handler checks that `unitId` exists (assertUnitExists → UNIT.NOT_FOUND). */
export type RegisterOfficial = Command<
  'RegisterOfficial',
  { officialId: string; fullName: string; unitId: string; position: string; email?: string | null }
>;

export type OfficialCommand = RegisterOfficial;
