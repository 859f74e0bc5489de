import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, IllegalTransitionError, ValidationError, type Role } from '../shared';
import type { CorrectEvaluation, RecordEvaluation } from './evaluation.commands';
import { evaluationDecider, evaluationStream } from './evaluation.decider';
import type { EvaluationEvent } from './evaluation.events';
import { parseEvaluationPeriod } from './evaluation.values';

const NOW = new Date('2024-06-10T03:00:00Z');
const spec = () => DeciderSpecification.for(evaluationDecider);
const meta = (role: Role = 'unit_head') => ({ actor: { id: 'head-1', role }, now: NOW });
const record = (patch: Partial<RecordEvaluation['data']> = {}, role: Role = 'unit_head'): RecordEvaluation => ({
  type: 'RecordEvaluation',
  data: { officialId: 'o-1', officialUnitId: 'u-1', period: '2024-05', rating: 'good', note: ' on time ', ...patch },
  metadata: meta(role),
});
const correct = (patch: Partial<CorrectEvaluation['data']> = {}): CorrectEvaluation => ({
  type: 'CorrectEvaluation',
  data: { officialId: 'o-1', period: '2024-05', rating: 'completed', note: '', reason: 'Nhập nhầm', ...patch },
  metadata: meta(),
});
const recorded = (period = '2024-05', rating: 'good' | 'not_completed' = 'good'): EvaluationEvent => ({
  type: 'EvaluationRecorded',
  data: { officialId: 'o-1', unitId: 'u-1', period, periodKind: period.length === 4 ? 'year' : 'month', rating, note: 'on time' },
});

describe('evaluation decider', () => {
  it('records a monthly rating (note trimmed)', () => {
    spec().given([]).when(record()).then([recorded()]);
  });

  it('records an annual rating next to monthly ones', () => {
    spec()
      .given([recorded()])
      .when(record({ period: '2023', rating: 'not_completed', note: 'on time' }))
      .thenState({ status: 'rated', periods: { '2024-05': { rating: 'good' }, '2023': { kind: 'year', rating: 'not_completed' } } });
  });

  it('refuses a second rating for the same period', () => {
    spec().given([recorded()]).when(record({ rating: 'excellent' })).thenThrows(IllegalTransitionError, 'EVALUATION.ALREADY_RATED');
  });

  it('corrects a rating explicitly, naming the previous rating and the reason', () => {
    spec()
      .given([recorded()])
      .when(correct())
      .then([
        {
          type: 'EvaluationCorrected',
          data: { officialId: 'o-1', period: '2024-05', periodKind: 'month', previousRating: 'good', rating: 'completed', note: '', reason: 'Nhập nhầm' },
        },
      ]);
    spec().given([recorded()]).when(correct()).thenState({ periods: { '2024-05': { rating: 'completed', corrections: 1 } } });
  });

  it('refuses a correction without a rating, without a reason, or that changes nothing', () => {
    spec().given([]).when(correct()).thenThrows('EVALUATION.NOT_RATED');
    spec().given([recorded()]).when(correct({ reason: ' ' })).thenThrows(ValidationError, 'EVALUATION.INVALID_REASON');
    spec().given([recorded()]).when(correct({ rating: 'good', note: 'on time' })).thenThrows('EVALUATION.UNCHANGED');
  });

  it.each([
    ['a malformed period', { period: '2024-13' }, 'EVALUATION.INVALID_PERIOD'],
    ['a day as period', { period: '2024-05-01' }, 'EVALUATION.INVALID_PERIOD'],
    ['a future month', { period: '2024-07' }, 'EVALUATION.PERIOD_IN_FUTURE'],
    ['a future year', { period: '2025' }, 'EVALUATION.PERIOD_IN_FUTURE'],
    ['an unknown rating', { rating: 'bad' as never }, 'EVALUATION.INVALID_RATING'],
    ['a long note', { note: 'x'.repeat(2001) }, 'EVALUATION.INVALID_NOTE'],
  ])('rejects %s', (_label, patch, code) => {
    spec().given([]).when(record(patch)).thenThrows(ValidationError, code);
  });

  it.each(['inspector', 'board_member', 'auditor'] as Role[])('refuses role %s', (role) => {
    spec().given([]).when(record({}, role)).thenThrows(ForbiddenError, 'EVALUATION.FORBIDDEN');
  });

  it('parses periods and names the stream', () => {
    expect(parseEvaluationPeriod('2024')).toEqual({ period: '2024', kind: 'year', startsOn: '2024-01-01' });
    expect(parseEvaluationPeriod('2024-02')).toEqual({ period: '2024-02', kind: 'month', startsOn: '2024-02-01' });
    expect(parseEvaluationPeriod('1999')).toBeNull();
    expect(evaluationStream('o-1')).toBe('evaluation-o-1');
  });
});
