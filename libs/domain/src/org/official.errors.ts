import { IllegalTransitionError, NotFoundError, ValidationError } from '../shared';
import type { ActiveOfficial, InactiveOfficial, OfficialState } from './official.state';

export const OfficialErrorCode = {
  FORBIDDEN: 'OFFICIAL.FORBIDDEN',
  ALREADY_EXISTS: 'OFFICIAL.ALREADY_EXISTS',
  NOT_FOUND: 'OFFICIAL.NOT_FOUND',
  INVALID_NAME: 'OFFICIAL.INVALID_NAME',
  INVALID_POSITION: 'OFFICIAL.INVALID_POSITION',
  INVALID_EMAIL: 'OFFICIAL.INVALID_EMAIL',
  INVALID_REASON: 'OFFICIAL.INVALID_REASON',
  INACTIVE: 'OFFICIAL.INACTIVE',
  ALREADY_THERE: 'OFFICIAL.ALREADY_THERE',
} as const;
export type OfficialErrorCode = (typeof OfficialErrorCode)[keyof typeof OfficialErrorCode];

export const officialNotFound = (officialId: string): NotFoundError =>
  new NotFoundError(OfficialErrorCode.NOT_FOUND, `Official ${officialId} not found`, { officialId });

export const officialAlreadyExists = (officialId: string): IllegalTransitionError =>
  new IllegalTransitionError(OfficialErrorCode.ALREADY_EXISTS, `Official ${officialId} already exists`, {
    officialId,
  });

export const invalidOfficial = (code: OfficialErrorCode, message: string): ValidationError =>
  new ValidationError(code, message);

/** For handlers that need an official to exist (e.g. before appointing a unit head). */
export function assertOfficialExists(state: OfficialState, officialId: string): asserts state is ActiveOfficial | InactiveOfficial {
  if (state.status === 'absent') throw officialNotFound(officialId);
}
