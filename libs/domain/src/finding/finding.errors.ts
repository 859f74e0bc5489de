import { IllegalTransitionError, NotFoundError, ValidationError } from '../shared';
import type { FindingStatus } from './finding.values';

export const FindingErrorCode = {
  ROLE_NOT_ALLOWED: 'FINDING.ROLE_NOT_ALLOWED',
  NOT_FOUND: 'FINDING.NOT_FOUND',
  ALREADY_RECORDED: 'FINDING.ALREADY_RECORDED',
  NOT_AWAITING_ACKNOWLEDGEMENT: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
  ALREADY_DISPUTED: 'FINDING.ALREADY_DISPUTED',
  NOT_DISPUTED: 'FINDING.NOT_DISPUTED',
  NOT_ACKNOWLEDGED: 'FINDING.NOT_ACKNOWLEDGED',
  NOT_IN_REMEDIATION: 'FINDING.NOT_IN_REMEDIATION',
  NOT_AWAITING_VERIFICATION: 'FINDING.NOT_AWAITING_VERIFICATION',
  NOT_VERIFIED: 'FINDING.NOT_VERIFIED',
  SELF_CERTIFICATION_NOT_ALLOWED: 'FINDING.SELF_CERTIFICATION_NOT_ALLOWED',
  ALREADY_CLOSED: 'FINDING.ALREADY_CLOSED',
  WITHDRAWN: 'FINDING.WITHDRAWN',
  NOT_CLOSED: 'FINDING.NOT_CLOSED',
  INVALID_CATEGORY: 'FINDING.INVALID_CATEGORY',
  INVALID_SEVERITY: 'FINDING.INVALID_SEVERITY',
  INVALID_TITLE: 'FINDING.INVALID_TITLE',
  INVALID_DESCRIPTION: 'FINDING.INVALID_DESCRIPTION',
  INVALID_RESPONSIBLE_OFFICIALS: 'FINDING.INVALID_RESPONSIBLE_OFFICIALS',
  INVALID_EVIDENCE: 'FINDING.INVALID_EVIDENCE',
  INVALID_OBSERVED_AT: 'FINDING.INVALID_OBSERVED_AT',
  OBSERVED_IN_FUTURE: 'FINDING.OBSERVED_IN_FUTURE',
  INVALID_REASON: 'FINDING.INVALID_REASON',
  INVALID_PLAN_ACTIONS: 'FINDING.INVALID_PLAN_ACTIONS',
  INVALID_TARGET_DATE: 'FINDING.INVALID_TARGET_DATE',
  TARGET_DATE_IN_PAST: 'FINDING.TARGET_DATE_IN_PAST',
  INVALID_COMMENT: 'FINDING.INVALID_COMMENT',
} as const;
export type FindingErrorCode = (typeof FindingErrorCode)[keyof typeof FindingErrorCode];

export const findingNotFound = (findingId: string): NotFoundError =>
  new NotFoundError(FindingErrorCode.NOT_FOUND, `Finding ${findingId} not found`, { findingId });

/** An illegal transition; details name the finding and its current status. */
export const findingConflict = (
  code: FindingErrorCode,
  message: string,
  findingId: string,
  status: FindingStatus,
  details?: Record<string, unknown>,
): IllegalTransitionError => new IllegalTransitionError(code, message, { findingId, status, ...details });

export const invalidFinding = (
  code: FindingErrorCode,
  message: string,
  details?: Record<string, unknown>,
): ValidationError => new ValidationError(code, message, details);
