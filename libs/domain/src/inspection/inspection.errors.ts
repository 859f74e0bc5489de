import { IllegalTransitionError, NotFoundError, ValidationError } from '../shared';

export const InspectionErrorCode = {
  FORBIDDEN: 'INSPECTION.FORBIDDEN',
  ALREADY_EXISTS: 'INSPECTION.ALREADY_EXISTS',
  NOT_FOUND: 'INSPECTION.NOT_FOUND',
  ALREADY_CONCLUDED: 'INSPECTION.ALREADY_CONCLUDED',
  CONCLUDED: 'INSPECTION.CONCLUDED',
  UNIT_NOT_FOUND: 'INSPECTION.UNIT_NOT_FOUND',
  TEAM_NOT_FOUND: 'INSPECTION.TEAM_NOT_FOUND',
  TEAM_NOT_INSPECTION_TEAM: 'INSPECTION.TEAM_NOT_INSPECTION_TEAM',
  INVALID_KIND: 'INSPECTION.INVALID_KIND',
  INVALID_STARTED_AT: 'INSPECTION.INVALID_STARTED_AT',
  STARTED_IN_FUTURE: 'INSPECTION.STARTED_IN_FUTURE',
  INVALID_MEMBERS: 'INSPECTION.INVALID_MEMBERS',
  INVALID_NOTICE: 'INSPECTION.INVALID_NOTICE',
} as const;
export type InspectionErrorCode = (typeof InspectionErrorCode)[keyof typeof InspectionErrorCode];

export const inspectionNotFound = (inspectionId: string): NotFoundError =>
  new NotFoundError(InspectionErrorCode.NOT_FOUND, `Inspection ${inspectionId} not found`, { inspectionId });

export const inspectionConflict = (
  code: InspectionErrorCode,
  message: string,
  details?: Record<string, unknown>,
): IllegalTransitionError => new IllegalTransitionError(code, message, details);

export const invalidInspection = (
  code: InspectionErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ValidationError => new ValidationError(code, message, details);
