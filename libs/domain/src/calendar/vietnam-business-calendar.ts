import type { BusinessCalendar, IsoDate } from './business-calendar';
import { ANNOUNCED_SCHEDULES } from './announced-schedules.data';
import { assertYearInRange, CalendarDateErrorCode, civilFromDayNumber, dayNumberOf, isoFromDayNumber } from './calendar-dates';
import type { AnnouncedSchedule, CalendarOverrides } from './calendar-schedule.types';
import { buildCalendarYear, type CalendarYear } from './calendar-year';
import { assertValidOverrides } from './calendar-overrides.validation';
import { ruleBasedSchedule } from './statutory-holidays';
import { ValidationError } from '../shared';

export interface BusinessCalendarOptions {
  /** Announced schedules; default: the shipped ANNOUNCED_SCHEDULES (2022–2026). [] = rules only. */
  schedules?: readonly AnnouncedSchedule[];
  /** Administrator overrides, at most one per year; merged on top of schedules and rules. */
  overrides?: readonly CalendarOverrides[];
}

/** A BusinessCalendar that can also describe a year (holidays, sources, working days per month). */
export interface VietnamBusinessCalendar extends BusinessCalendar {
  describeYear(year: number): CalendarYear;
  /** The overrides this calendar was built with, by year. */
  overridesFor(year: number): CalendarOverrides | undefined;
}

/** |days| beyond this is refused: deadlines are weeks or months, never decades. */
export const MAX_WORKING_DAYS_STEP = 10_000;

interface YearTable {
  view: CalendarYear;
  working: Uint8Array;
  firstDay: number;
}

/**
 * Vietnamese working days for public servants: Monday–Friday minus holidays, from (by
 * precedence) administrator overrides › the announced schedule of the year › the rules
 * (ruleBasedSchedule). Pure: same inputs, same answers; each year is built once and memoised.
 * Covers CALENDAR_MIN_YEAR..CALENDAR_MAX_YEAR; outside it, CALENDAR.YEAR_OUT_OF_RANGE.
 */
export function createBusinessCalendar(options: BusinessCalendarOptions = {}): VietnamBusinessCalendar {
  const schedules = indexByYear(options.schedules ?? ANNOUNCED_SCHEDULES, 'schedule');
  const overrides = indexByYear(options.overrides ?? [], 'overrides');
  for (const o of overrides.values()) assertValidOverrides(o.year, o.daysOff, o.workingDays);
  const years = new Map<number, YearTable>();

  const tableOf = (year: number): YearTable => {
    let table = years.get(year);
    if (!table) {
      assertYearInRange(year);
      const announced = schedules.get(year);
      table = buildCalendarYear(announced ?? ruleBasedSchedule(year), announced ? 'announced' : 'rule', overrides.get(year));
      years.set(year, table);
    }
    return table;
  };
  const isWorking = (dayNumber: number): boolean => {
    const table = tableOf(civilFromDayNumber(dayNumber).year);
    return table.working[dayNumber - table.firstDay] === 1;
  };

  return {
    isWorkingDay: (date) => isWorking(dayNumberOf(date)),

    addWorkingDays(from: IsoDate, days: number): IsoDate {
      assertStep(days);
      let day = dayNumberOf(from, 'from');
      if (days === 0) {
        while (!isWorking(day)) day++;
        return isoFromDayNumber(day);
      }
      const step = days > 0 ? 1 : -1;
      for (let left = Math.abs(days); left > 0; ) {
        day += step;
        if (isWorking(day)) left--;
      }
      return isoFromDayNumber(day);
    },

    workingDaysBetween(from: IsoDate, to: IsoDate): number {
      const start = dayNumberOf(from, 'from');
      const end = dayNumberOf(to, 'to');
      const [low, high, sign] = start <= end ? [start, end, 1] : [end, start, -1];
      let count = 0;
      for (let day = low + 1; day <= high; day++) if (isWorking(day)) count++;
      return sign * count;
    },

    describeYear: (year) => tableOf(year).view,
    overridesFor: (year) => overrides.get(year),
  };
}

function assertStep(days: number): void {
  if (!Number.isInteger(days) || Math.abs(days) > MAX_WORKING_DAYS_STEP) {
    throw new ValidationError(CalendarDateErrorCode.INVALID_DAYS, `days must be an integer within ±${MAX_WORKING_DAYS_STEP}`, {
      field: 'days',
      value: days,
    });
  }
}

function indexByYear<T extends { year: number }>(items: readonly T[], what: string): Map<number, T> {
  const byYear = new Map<number, T>();
  for (const item of items) {
    if (byYear.has(item.year)) throw new Error(`Two ${what} for ${item.year}`);
    byYear.set(item.year, item);
  }
  return byYear;
}
