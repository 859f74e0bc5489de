import { Injectable, type PipeTransform } from '@nestjs/common';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, DomainError, MAX_WORKING_DAYS_STEP, parseIsoDate, type IsoDate } from '@rectify/domain';
import { CodedHttpException } from '../http/coded-http.exception';
import type { FieldError } from '../http/problem-details';

const YEAR_MESSAGE = `must be a year from ${CALENDAR_MIN_YEAR} to ${CALENDAR_MAX_YEAR}`;

/** `:year` → a year the calendar covers; 400 CALENDAR.INVALID_YEAR naming `year` otherwise. */
@Injectable()
export class CalendarYearPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR) return year;
    throw new CodedHttpException(400, 'CALENDAR.INVALID_YEAR', `'${value}' is not a year the calendar covers`, [{ field: 'year', message: YEAR_MESSAGE }]);
  }
}

export type WorkingDaysQuery = { from: IsoDate; days: number } | { from: IsoDate; to: IsoDate };

/**
 * `?from=YYYY-MM-DD&days=N` (addWorkingDays) or `?from=…&to=…` (workingDaysBetween); dates
 * within the calendar's years, N an integer within ±MAX_WORKING_DAYS_STEP. Every bad field → 400.
 */
export function parseWorkingDaysQuery(query: Record<string, unknown>): WorkingDaysQuery {
  const errors: FieldError[] = [];
  const date = (field: string): IsoDate | undefined => {
    const value = query[field];
    const civil = parseIsoDate(value);
    if (!civil) errors.push({ field, message: 'must be a real date written YYYY-MM-DD' });
    else if (civil.year < CALENDAR_MIN_YEAR || civil.year > CALENDAR_MAX_YEAR) errors.push({ field, message: `must be in ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}` });
    else return value as IsoDate;
    return undefined;
  };
  const from = date('from');
  const hasDays = query.days !== undefined && query.days !== '';
  const hasTo = query.to !== undefined && query.to !== '';
  let days: number | undefined;
  let to: IsoDate | undefined;
  if (hasDays === hasTo) {
    errors.push({ field: hasDays ? 'to' : 'days', message: 'give exactly one of days (add working days) or to (count working days)' });
  } else if (hasDays) {
    days = typeof query.days === 'string' && /^-?\d{1,5}$/.test(query.days) ? Number(query.days) : NaN;
    if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS_STEP) {
      errors.push({ field: 'days', message: `must be an integer within ±${MAX_WORKING_DAYS_STEP}` });
    }
  } else {
    to = date('to');
  }
  if (errors.length > 0 || from === undefined) {
    throw new CodedHttpException(400, 'VALIDATION.FAILED', 'The query is invalid', errors);
  }
  return days !== undefined ? { from, days } : { from, to: to as IsoDate };
}

/** A calendar answer that leaves the covered years is the caller's input problem: 400 on `field`. */
export function asQueryError(error: unknown, field: string): unknown {
  if (error instanceof DomainError && error.kind === 'invalid') {
    return new CodedHttpException(400, error.code, error.message, [{ field, message: error.message }]);
  }
  return error;
}
