import type { EvaluationPeriodKind, EvaluationRating } from './evaluation.values';

export interface PeriodRating {
  period: string;
  kind: EvaluationPeriodKind;
  rating: EvaluationRating;
  note: string;
  /** The unit the official belonged to when first rated for the period. */
  unitId: string;
  corrections: number;
}

export interface NoEvaluations {
  status: 'absent';
}

/** The evaluation record of one official (stream `evaluation-<officialId>`). */
export interface EvaluationRecord {
  status: 'rated';
  officialId: string;
  /** Keyed by period (`YYYY-MM` or `YYYY`). */
  periods: Record<string, PeriodRating>;
}

export type EvaluationState = NoEvaluations | EvaluationRecord;

export const initialEvaluationState = (): EvaluationState => ({ status: 'absent' });
