import { assertNever, assertRole, vietnamCalendarDate, type Decider } from '../shared';
import type { CorrectEvaluation, EvaluationCommand, RecordEvaluation } from './evaluation.commands';
import { evaluationConflict, EvaluationErrorCode, invalidEvaluation } from './evaluation.errors';
import type { EvaluationEvent } from './evaluation.events';
import { initialEvaluationState, type EvaluationState } from './evaluation.state';
import { EVALUATION_LIMITS, EVALUATION_RATINGS, EVALUATION_ROLES, parseEvaluationPeriod, type EvaluationPeriod } from './evaluation.values';

/**
 * Rules: one rating per official and period (a month `YYYY-MM` or a year `YYYY`); a period
 * that has not started yet (Vietnam civil date) cannot be rated; a rating is never
 * overwritten silently — CorrectEvaluation records the previous rating and the reason.
 */
function decide(command: EvaluationCommand, state: EvaluationState): EvaluationEvent[] {
  assertRole(command.metadata.actor, EVALUATION_ROLES, EvaluationErrorCode.FORBIDDEN, 'record evaluations');
  switch (command.type) {
    case 'RecordEvaluation':
      return record(command, state);
    case 'CorrectEvaluation':
      return correct(command, state);
    default:
      return assertNever(command);
  }
}

function checkedPeriod(value: string, now: Date): EvaluationPeriod {
  const period = parseEvaluationPeriod(value);
  if (!period) throw invalidEvaluation(EvaluationErrorCode.INVALID_PERIOD, `period must be YYYY-MM or YYYY (got '${String(value)}')`, { field: 'period' });
  if (period.startsOn > vietnamCalendarDate(now)) {
    throw invalidEvaluation(EvaluationErrorCode.PERIOD_IN_FUTURE, `Period ${value} has not started yet`, { field: 'period' });
  }
  return period;
}

function checkedRatingAndNote(rating: unknown, note: unknown): { rating: RecordEvaluation['data']['rating']; note: string } {
  if (!EVALUATION_RATINGS.includes(rating as never)) {
    throw invalidEvaluation(EvaluationErrorCode.INVALID_RATING, `rating must be one of ${EVALUATION_RATINGS.join(', ')}`, { field: 'rating' });
  }
  const text = typeof note === 'string' ? note.trim() : note == null ? '' : null;
  if (text === null || text.length > EVALUATION_LIMITS.noteMax) {
    throw invalidEvaluation(EvaluationErrorCode.INVALID_NOTE, `note must be at most ${EVALUATION_LIMITS.noteMax} characters`, { field: 'note' });
  }
  return { rating: rating as RecordEvaluation['data']['rating'], note: text };
}

function record({ data, metadata }: RecordEvaluation, state: EvaluationState): EvaluationEvent[] {
  const period = checkedPeriod(data.period, metadata.now);
  const { rating, note } = checkedRatingAndNote(data.rating, data.note);
  const existing = state.status === 'rated' ? state.periods[period.period] : undefined;
  if (existing) {
    throw evaluationConflict(EvaluationErrorCode.ALREADY_RATED, `Official ${data.officialId} is already rated for ${period.period}; correct it instead`, {
      officialId: data.officialId,
      period: period.period,
      rating: existing.rating,
    });
  }
  return [
    {
      type: 'EvaluationRecorded',
      data: { officialId: data.officialId, unitId: data.officialUnitId, period: period.period, periodKind: period.kind, rating, note },
    },
  ];
}

function correct({ data, metadata }: CorrectEvaluation, state: EvaluationState): EvaluationEvent[] {
  const period = checkedPeriod(data.period, metadata.now);
  const { rating, note } = checkedRatingAndNote(data.rating, data.note);
  const existing = state.status === 'rated' ? state.periods[period.period] : undefined;
  if (!existing) {
    throw evaluationConflict(EvaluationErrorCode.NOT_RATED, `Official ${data.officialId} has no rating for ${period.period}`, {
      officialId: data.officialId,
      period: period.period,
    });
  }
  const reason = typeof data.reason === 'string' ? data.reason.trim() : '';
  if (reason.length === 0 || reason.length > EVALUATION_LIMITS.reasonMax) {
    throw invalidEvaluation(EvaluationErrorCode.INVALID_REASON, 'A correction must give a reason (1..2000 characters)', { field: 'reason' });
  }
  if (existing.rating === rating && existing.note === note) {
    throw evaluationConflict(EvaluationErrorCode.UNCHANGED, `The rating for ${period.period} is already ${rating}`, { period: period.period });
  }
  return [
    {
      type: 'EvaluationCorrected',
      data: { officialId: data.officialId, period: period.period, periodKind: period.kind, previousRating: existing.rating, rating, note, reason },
    },
  ];
}

function evolve(state: EvaluationState, event: EvaluationEvent): EvaluationState {
  switch (event.type) {
    case 'EvaluationRecorded': {
      const { officialId, unitId, period, periodKind, rating, note } = event.data;
      const periods = state.status === 'rated' ? state.periods : {};
      return { status: 'rated', officialId, periods: { ...periods, [period]: { period, kind: periodKind, rating, note, unitId, corrections: 0 } } };
    }
    case 'EvaluationCorrected': {
      if (state.status !== 'rated') return state;
      const current = state.periods[event.data.period];
      if (!current) return state;
      const updated = { ...current, rating: event.data.rating, note: event.data.note, corrections: current.corrections + 1 };
      return { ...state, periods: { ...state.periods, [event.data.period]: updated } };
    }
    default:
      return assertNever(event);
  }
}

export const evaluationDecider: Decider<EvaluationCommand, EvaluationEvent, EvaluationState> = {
  decide,
  evolve,
  initialState: initialEvaluationState,
};

/** Stream of an official's evaluation record. */
export const evaluationStream = (officialId: string): string => `evaluation-${officialId}`;
