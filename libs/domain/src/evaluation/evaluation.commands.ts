import type { Command } from '../shared';
import type { EvaluationRating } from './evaluation.values';

/**
 * One rating per official and period. `officialUnitId` is the official's current unit,
 * loaded by the handler (which refuses an unknown official with OFFICIAL.NOT_FOUND).
 */
export type RecordEvaluation = Command<
  'RecordEvaluation',
  { officialId: string; officialUnitId: string; period: string; rating: EvaluationRating; note: string }
>;

/** Changing a recorded rating is an explicit correction that says why (metadata.reason too). */
export type CorrectEvaluation = Command<
  'CorrectEvaluation',
  { officialId: string; period: string; rating: EvaluationRating; note: string; reason: string }
>;

export type EvaluationCommand = RecordEvaluation | CorrectEvaluation;
