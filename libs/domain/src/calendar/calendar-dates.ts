import { ValidationError } from '../shared';
import type { IsoDate } from './business-calendar';

/**
 * Calendar arithmetic on civil dates as day numbers (days since 1970-01-01), without Date
 * objects or time zones: an IsoDate is already a date in Vietnam. Weekdays: 0 = Sunday … 6 = Saturday.
 */

/** Years the calendar answers for; the lunar rules and the API are defined on this range. */
export const CALENDAR_MIN_YEAR = 2000;
export const CALENDAR_MAX_YEAR = 2100;

export const CalendarDateErrorCode = {
  INVALID_DATE: 'CALENDAR.INVALID_DATE',
  YEAR_OUT_OF_RANGE: 'CALENDAR.YEAR_OUT_OF_RANGE',
  INVALID_DAYS: 'CALENDAR.INVALID_DAYS',
} as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function dayNumberFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of dayNumberFromCivil. */
export function civilFromDayNumber(dayNumber: number): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** A real calendar date written YYYY-MM-DD, as its parts; null otherwise (e.g. 2023-02-29). */
export function parseIsoDate(value: unknown): CivilDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const civil = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (civil.month < 1 || civil.month > 12 || civil.day < 1 || civil.day > daysInMonth(civil.year, civil.month)) return null;
  return civil;
}

export function formatIsoDate({ year, month, day }: CivilDate): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const isoFromDayNumber = (dayNumber: number): IsoDate => formatIsoDate(civilFromDayNumber(dayNumber));

/**
 * The day number of a date the calendar covers; ValidationError CALENDAR.INVALID_DATE for a
 * malformed date, CALENDAR.YEAR_OUT_OF_RANGE outside CALENDAR_MIN_YEAR..CALENDAR_MAX_YEAR.
 */
export function dayNumberOf(date: IsoDate, field = 'date'): number {
  const civil = parseIsoDate(date);
  if (!civil) {
    throw new ValidationError(CalendarDateErrorCode.INVALID_DATE, `${field} must be a real date written YYYY-MM-DD`, { field, value: date });
  }
  assertYearInRange(civil.year, field);
  return dayNumberFromCivil(civil);
}

export function isYearInRange(year: unknown): year is number {
  return typeof year === 'number' && Number.isInteger(year) && year >= CALENDAR_MIN_YEAR && year <= CALENDAR_MAX_YEAR;
}

export function assertYearInRange(year: number, field = 'year'): void {
  if (!isYearInRange(year)) {
    throw new ValidationError(
      CalendarDateErrorCode.YEAR_OUT_OF_RANGE,
      `The calendar covers ${CALENDAR_MIN_YEAR}–${CALENDAR_MAX_YEAR}; ${field} is in ${year}`,
      { field, year },
    );
  }
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** Saturday and Sunday are the weekly rest days of public servants (the 40-hour, five-day week). */
export function isWeekend(dayNumber: number): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}

/** Adds whole days to an IsoDate (no range check). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const civil = parseIsoDate(date);
  if (!civil) throw new ValidationError(CalendarDateErrorCode.INVALID_DATE, 'date must be YYYY-MM-DD', { value: date });
  return isoFromDayNumber(dayNumberFromCivil(civil) + days);
}
