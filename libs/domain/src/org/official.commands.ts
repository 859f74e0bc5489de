import type { Command } from '../shared';

/** The handler checks that `unitId` exists (assertUnitExists → UNIT.NOT_FOUND). */
export type RegisterOfficial = Command<
  'RegisterOfficial',
  { officialId: string; fullName: string; unitId: string; position: string; email?: string | null }
>;

/**
 * Moves the official to another unit and position (a transfer decision, or an admin change).
 * The handler checks that `toUnitId` exists (UNIT.NOT_FOUND).
 */
export type TransferOfficial = Command<'TransferOfficial', { officialId: string; toUnitId: string; position: string; reason: string }>;

/** Takes the official off the workforce (forced termination); the stream and its history remain. */
export type DeactivateOfficial = Command<'DeactivateOfficial', { officialId: string; reason: string }>;

export type OfficialCommand = RegisterOfficial | TransferOfficial | DeactivateOfficial;
