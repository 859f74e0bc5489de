import { ForbiddenError, IllegalTransitionError, NotFoundError, ValidationError } from '../shared';

export const CaseErrorCode = {
  FORBIDDEN: 'CASE.FORBIDDEN',
  NOT_FOUND: 'CASE.NOT_FOUND',
  ALREADY_OPEN: 'CASE.ALREADY_OPEN',
  NOT_THE_SUBJECT: 'CASE.NOT_THE_SUBJECT',
  SUBJECT_CANNOT_VOTE: 'CASE.SUBJECT_CANNOT_VOTE',
  UNIT_HEAD_CANNOT_VOTE: 'CASE.UNIT_HEAD_CANNOT_VOTE',
  ALREADY_VOTED: 'CASE.ALREADY_VOTED',
  NO_QUORUM: 'CASE.NO_QUORUM',
  NO_MAJORITY: 'CASE.NO_MAJORITY',
  WRONG_STATUS: 'CASE.WRONG_STATUS',
  EXPLANATION_ALREADY_SUBMITTED: 'CASE.EXPLANATION_ALREADY_SUBMITTED',
  EXPLANATION_DEADLINE_PASSED: 'CASE.EXPLANATION_DEADLINE_PASSED',
  APPEAL_WINDOW_CLOSED: 'CASE.APPEAL_WINDOW_CLOSED',
  NOT_YET_EXECUTABLE: 'CASE.NOT_YET_EXECUTABLE',
  UNKNOWN_GROUND: 'CASE.UNKNOWN_GROUND',
  INVALID_SUBJECT: 'CASE.INVALID_SUBJECT',
  INVALID_GROUNDS: 'CASE.INVALID_GROUNDS',
  INVALID_TEXT: 'CASE.INVALID_TEXT',
  INVALID_DATE: 'CASE.INVALID_DATE',
  INVALID_HEARING: 'CASE.INVALID_HEARING',
  INVALID_DECISION: 'CASE.INVALID_DECISION',
} as const;
export type CaseErrorCode = (typeof CaseErrorCode)[keyof typeof CaseErrorCode];

export const caseNotFound = (caseId: string): NotFoundError => new NotFoundError(CaseErrorCode.NOT_FOUND, `Case ${caseId} not found`, { caseId });
export const caseConflict = (code: CaseErrorCode, message: string, details?: Record<string, unknown>): IllegalTransitionError =>
  new IllegalTransitionError(code, message, details);
export const invalidCase = (code: CaseErrorCode, message: string, details?: Record<string, unknown>): ValidationError =>
  new ValidationError(code, message, details);
export const caseForbidden = (code: CaseErrorCode, message: string, details?: Record<string, unknown>): ForbiddenError =>
  new ForbiddenError(code, message, details);
