import type { IsoDate } from './business-calendar';
import { dayNumberFromCivil, daysInMonth, isoFromDayNumber, isWeekend, parseIsoDate } from './calendar-dates';
import type { AnnouncedSchedule, CalendarOverrides, ScheduledDayOff, ScheduledWorkingDay } from './calendar-schedule.types';
import { HOLIDAY_NAMES, type HolidayId } from './holidays';

/** Where a year's days come from: a shipped announcement, or the rules alone. */
export type CalendarBasis = 'announced' | 'rule';
export type CalendarDayOffKind = ScheduledDayOff['kind'] | 'override';

export interface CalendarDayOff {
  date: IsoDate;
  kind: CalendarDayOffKind;
  holiday: HolidayId | null;
  nameVi: string;
  nameEn: string;
  source: string;
  /** The administrator's reason, for an override. */
  reason: string | null;
}

export interface CalendarWorkingDay {
  date: IsoDate;
  kind: 'swapped' | 'override';
  /** The day off a swapped working day pays for. */
  inLieuOf: IsoDate | null;
  nameVi: string;
  nameEn: string;
  source: string;
  reason: string | null;
}

/** One year as the API shows it; `working` is the per-day answer isWorkingDay reads. */
export interface CalendarYear {
  year: number;
  basis: CalendarBasis;
  sources: string[];
  /** Every holiday and day off (weekend holidays too), in date order. */
  daysOff: CalendarDayOff[];
  /** Weekend days worked (swapped Saturdays) and administrator-declared working days. */
  workingDays: CalendarWorkingDay[];
  workingDaysPerMonth: { month: number; workingDays: number }[];
  workingDaysInYear: number;
}

export const OVERRIDE_SOURCE = 'Quản trị viên nhập (administrator override)';

/**
 * Merges one year: the base (announced schedule or rules), then the administrator's
 * overrides on top — an override day off wins over a working day and vice versa.
 * Returns the view and a per-day flag table (index = day of year, 1 = working day).
 */
export function buildCalendarYear(
  base: AnnouncedSchedule,
  basis: CalendarBasis,
  overrides: CalendarOverrides | undefined,
): { view: CalendarYear; working: Uint8Array; firstDay: number } {
  const daysOff = new Map<IsoDate, CalendarDayOff>(base.daysOff.map((d) => [d.date, scheduledDayOff(d)]));
  const workingDays = new Map<IsoDate, CalendarWorkingDay>(base.workingDays.map((w) => [w.date, scheduledWorkingDay(w)]));
  for (const { date, reason } of overrides?.daysOff ?? []) {
    workingDays.delete(date);
    daysOff.set(date, { date, kind: 'override', holiday: null, nameVi: 'Ngày nghỉ theo thông báo', nameEn: 'Announced day off', source: OVERRIDE_SOURCE, reason });
  }
  for (const { date, reason } of overrides?.workingDays ?? []) {
    daysOff.delete(date);
    workingDays.set(date, { date, kind: 'override', inLieuOf: null, nameVi: 'Ngày làm việc theo thông báo', nameEn: 'Announced working day', source: OVERRIDE_SOURCE, reason });
  }

  const year = base.year;
  const firstDay = dayNumberFromCivil({ year, month: 1, day: 1 });
  const length = dayNumberFromCivil({ year: year + 1, month: 1, day: 1 }) - firstDay;
  const working = new Uint8Array(length);
  const perMonth = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, workingDays: 0 }));
  let index = 0;
  for (let month = 1; month <= 12; month++) {
    for (let day = 1; day <= daysInMonth(year, month); day++, index++) {
      const date = isoFromDayNumber(firstDay + index);
      const isWorking = workingDays.has(date) || (!daysOff.has(date) && !isWeekend(firstDay + index));
      working[index] = isWorking ? 1 : 0;
      if (isWorking) perMonth[month - 1].workingDays++;
    }
  }
  const byDate = <T extends { date: IsoDate }>(items: Iterable<T>) => [...items].sort((a, b) => (a.date < b.date ? -1 : 1));
  const dayList = byDate(daysOff.values());
  const workList = byDate(workingDays.values());
  return {
    view: {
      year,
      basis,
      sources: [...new Set([...dayList, ...workList].map((d) => d.source))],
      daysOff: dayList,
      workingDays: workList,
      workingDaysPerMonth: perMonth,
      workingDaysInYear: perMonth.reduce((sum, m) => sum + m.workingDays, 0),
    },
    working,
    firstDay,
  };
}

function scheduledDayOff(d: ScheduledDayOff): CalendarDayOff {
  const name = HOLIDAY_NAMES[d.holiday];
  const suffix =
    d.kind === 'compensatory'
      ? { vi: ' — nghỉ bù', en: ' — compensatory day off' }
      : d.kind === 'swapped'
        ? { vi: ' — nghỉ hoán đổi (có ngày làm bù)', en: ' — swapped day off (worked on another day)' }
        : { vi: '', en: '' };
  return { date: d.date, kind: d.kind, holiday: d.holiday, nameVi: name.vi + suffix.vi, nameEn: name.en + suffix.en, source: d.source, reason: null };
}

function scheduledWorkingDay(w: ScheduledWorkingDay): CalendarWorkingDay {
  const name = HOLIDAY_NAMES[w.holiday];
  return {
    date: w.date,
    kind: 'swapped',
    inLieuOf: w.inLieuOf,
    nameVi: `Làm bù cho ngày ${vietnameseDate(w.inLieuOf)} (${name.vi})`,
    nameEn: `Working day in lieu of ${w.inLieuOf} (${name.en})`,
    source: w.source,
    reason: null,
  };
}

function vietnameseDate(date: IsoDate): string {
  const civil = parseIsoDate(date);
  return civil ? `${String(civil.day).padStart(2, '0')}/${String(civil.month).padStart(2, '0')}/${civil.year}` : date;
}
