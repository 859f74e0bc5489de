import { IllegalTransitionError, NotFoundError, ValidationError } from '../shared';
import type { UnitState, ActiveUnit } from './unit.state';

export const UnitErrorCode = {
  FORBIDDEN: 'UNIT.FORBIDDEN',
  ALREADY_EXISTS: 'UNIT.ALREADY_EXISTS',
  NOT_FOUND: 'UNIT.NOT_FOUND',
  OFFICIAL_NOT_IN_UNIT: 'UNIT.OFFICIAL_NOT_IN_UNIT',
  ALREADY_HEAD: 'UNIT.ALREADY_HEAD',
  HEAD_INACTIVE: 'UNIT.HEAD_INACTIVE',
  NOT_HEAD: 'UNIT.NOT_HEAD',
  INVALID_REASON: 'UNIT.INVALID_REASON',
  INVALID_NAME: 'UNIT.INVALID_NAME',
  INVALID_CODE: 'UNIT.INVALID_CODE',
  INVALID_KIND: 'UNIT.INVALID_KIND',
  INVALID_PARENT: 'UNIT.INVALID_PARENT',
  INVALID_SUPERVISOR: 'UNIT.INVALID_SUPERVISOR',
} as const;
export type UnitErrorCode = (typeof UnitErrorCode)[keyof typeof UnitErrorCode];

export const unitNotFound = (unitId: string): NotFoundError =>
  new NotFoundError(UnitErrorCode.NOT_FOUND, `Unit ${unitId} not found`, { unitId });

export const unitAlreadyExists = (unitId: string): IllegalTransitionError =>
  new IllegalTransitionError(UnitErrorCode.ALREADY_EXISTS, `Unit ${unitId} already exists`, { unitId });

export const invalidUnit = (code: UnitErrorCode, message: string, details?: Record<string, unknown>): ValidationError =>
  new ValidationError(code, message, details);

/** For handlers that need a unit to exist (e.g. registering an official into it). */
export function assertUnitExists(state: UnitState, unitId: string): asserts state is ActiveUnit {
  if (state.status === 'absent') throw unitNotFound(unitId);
}
