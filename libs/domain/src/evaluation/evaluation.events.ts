import type { DomainEvent } from '../shared';
import type { EvaluationPeriodKind, EvaluationRating } from './evaluation.values';

export type EvaluationRecorded = DomainEvent<
  'EvaluationRecorded',
  { officialId: string; unitId: string; period: string; periodKind: EvaluationPeriodKind; rating: EvaluationRating; note: string }
>;

export type EvaluationCorrected = DomainEvent<
  'EvaluationCorrected',
  {
    officialId: string;
    period: string;
    periodKind: EvaluationPeriodKind;
    previousRating: EvaluationRating;
    rating: EvaluationRating;
    note: string;
    reason: string;
  }
>;

export type EvaluationEvent = EvaluationRecorded | EvaluationCorrected;

export const EVALUATION_EVENT_TYPES = ['EvaluationRecorded', 'EvaluationCorrected'] as const satisfies readonly EvaluationEvent['type'][];
