/** Ratings of an official's work (monthly, and the annual rating they feed). */
export const EVALUATION_RATINGS = ['excellent', 'good', 'completed', 'not_completed'] as const;
export type EvaluationRating = (typeof EVALUATION_RATINGS)[number];

/** Who enters ratings: the unit (its head), administrators, and the system (imports on their behalf). */
export const EVALUATION_ROLES = ['unit_head', 'admin', 'system'] as const;

export type EvaluationPeriodKind = 'month' | 'year';

export interface EvaluationPeriod {
  /** `YYYY-MM` for a month, `YYYY` for the year. */
  period: string;
  kind: EvaluationPeriodKind;
  /** First calendar day of the period, YYYY-MM-DD. */
  startsOn: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR = /^(\d{4})$/;

/** Parses `YYYY-MM` or `YYYY` (years 2000..2999); null when malformed. */
export function parseEvaluationPeriod(value: unknown): EvaluationPeriod | null {
  if (typeof value !== 'string') return null;
  const month = MONTH.exec(value);
  if (month && month[1] >= '2000' && month[1] < '3000') {
    return { period: value, kind: 'month', startsOn: `${value}-01` };
  }
  const year = YEAR.exec(value);
  if (year && value >= '2000' && value < '3000') return { period: value, kind: 'year', startsOn: `${value}-01-01` };
  return null;
}

export const EVALUATION_LIMITS = { noteMax: 2000, reasonMax: 2000 } as const;
