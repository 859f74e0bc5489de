import { IllegalTransitionError, ValidationError } from '../shared';

export const EvaluationErrorCode = {
  FORBIDDEN: 'EVALUATION.FORBIDDEN',
  INVALID_PERIOD: 'EVALUATION.INVALID_PERIOD',
  PERIOD_IN_FUTURE: 'EVALUATION.PERIOD_IN_FUTURE',
  INVALID_RATING: 'EVALUATION.INVALID_RATING',
  INVALID_NOTE: 'EVALUATION.INVALID_NOTE',
  INVALID_REASON: 'EVALUATION.INVALID_REASON',
  ALREADY_RATED: 'EVALUATION.ALREADY_RATED',
  NOT_RATED: 'EVALUATION.NOT_RATED',
  UNCHANGED: 'EVALUATION.UNCHANGED',
} as const;
export type EvaluationErrorCode = (typeof EvaluationErrorCode)[keyof typeof EvaluationErrorCode];

export const invalidEvaluation = (code: EvaluationErrorCode, message: string, details?: Record<string, unknown>): ValidationError =>
  new ValidationError(code, message, details);

export const evaluationConflict = (code: EvaluationErrorCode, message: string, details?: Record<string, unknown>): IllegalTransitionError =>
  new IllegalTransitionError(code, message, details);
