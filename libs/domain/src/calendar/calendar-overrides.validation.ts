import { hasTextLength, ValidationError } from '../shared';
import { CALENDAR_MAX_YEAR, CALENDAR_MIN_YEAR, CalendarDateErrorCode, isYearInRange, parseIsoDate } from './calendar-dates';
import type { DatedReason } from './calendar-schedule.types';

export const CalendarOverridesErrorCode = {
  FORBIDDEN: 'CALENDAR.FORBIDDEN',
  YEAR_OUT_OF_RANGE: CalendarDateErrorCode.YEAR_OUT_OF_RANGE,
  INVALID_DATE: CalendarDateErrorCode.INVALID_DATE,
  DATE_OUTSIDE_YEAR: 'CALENDAR.DATE_OUTSIDE_YEAR',
  DUPLICATE_DATE: 'CALENDAR.DUPLICATE_DATE',
  CONFLICTING_DAY: 'CALENDAR.CONFLICTING_DAY',
  INVALID_REASON: 'CALENDAR.INVALID_REASON',
  INVALID_LIST: 'CALENDAR.INVALID_LIST',
} as const;
export type CalendarOverridesErrorCode = (typeof CalendarOverridesErrorCode)[keyof typeof CalendarOverridesErrorCode];

/** One problem with an overrides request, naming the field as `daysOff[2].date`. */
export interface CalendarOverrideIssue {
  field: string;
  code: CalendarOverridesErrorCode;
  message: string;
}

export const MAX_OVERRIDE_REASON_LENGTH = 500;
const MAX_DAYS_PER_LIST = 366;

/**
 * Rules for a year's overrides: the year within CALENDAR_MIN_YEAR..CALENDAR_MAX_YEAR; every
 * date a real YYYY-MM-DD date in that year, listed once; no date both a day off and a working
 * day; every reason 1..500 characters (trimmed). Returns every problem (empty = valid).
 */
export function calendarOverrideIssues(year: unknown, daysOff: unknown, workingDays: unknown): CalendarOverrideIssue[] {
  const issues: CalendarOverrideIssue[] = [];
  const yearOk = isYearInRange(year);
  if (!yearOk) {
    issues.push({ field: 'year', code: CalendarOverridesErrorCode.YEAR_OUT_OF_RANGE, message: `year must be an integer in ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}` });
  }
  const seen = new Map<string, string>();
  for (const [list, items] of [['daysOff', daysOff], ['workingDays', workingDays]] as const) {
    if (!Array.isArray(items) || items.length > MAX_DAYS_PER_LIST) {
      issues.push({ field: list, code: CalendarOverridesErrorCode.INVALID_LIST, message: `${list} must be a list of at most ${MAX_DAYS_PER_LIST} {date, reason}` });
      continue;
    }
    items.forEach((item: Partial<DatedReason> | null, index) => {
      const at = `${list}[${index}]`;
      const date = item?.date;
      const civil = parseIsoDate(date);
      if (!civil) {
        issues.push({ field: `${at}.date`, code: CalendarOverridesErrorCode.INVALID_DATE, message: 'must be a real date written YYYY-MM-DD' });
      } else if (yearOk && civil.year !== year) {
        issues.push({ field: `${at}.date`, code: CalendarOverridesErrorCode.DATE_OUTSIDE_YEAR, message: `must be a date in ${String(year)}` });
      } else if (seen.has(date as string)) {
        const first = seen.get(date as string) as string;
        const conflict = first.startsWith(list) ? CalendarOverridesErrorCode.DUPLICATE_DATE : CalendarOverridesErrorCode.CONFLICTING_DAY;
        const message = conflict === CalendarOverridesErrorCode.DUPLICATE_DATE ? `repeats ${first}` : `is also ${first}: a date is either a day off or a working day`;
        issues.push({ field: `${at}.date`, code: conflict, message });
      } else {
        seen.set(date as string, `${at}.date`);
      }
      if (!hasTextLength(item?.reason, 1, MAX_OVERRIDE_REASON_LENGTH)) {
        issues.push({ field: `${at}.reason`, code: CalendarOverridesErrorCode.INVALID_REASON, message: `must be 1..${MAX_OVERRIDE_REASON_LENGTH} characters` });
      }
    });
  }
  return issues;
}

/** Throws ValidationError (the first issue's code; every issue in details.issues) when invalid. */
export function assertValidOverrides(year: unknown, daysOff: unknown, workingDays: unknown): void {
  const issues = calendarOverrideIssues(year, daysOff, workingDays);
  if (issues.length === 0) return;
  const [first] = issues;
  throw new ValidationError(first.code, `${first.field} ${first.message}`, { field: first.field, issues });
}
