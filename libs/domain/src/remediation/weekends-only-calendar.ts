import type { BusinessCalendar, IsoDate } from '../calendar/business-calendar';

const DAY_MS = 24 * 60 * 60 * 1000;

const toDay = (date: IsoDate): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
const fromDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * Monday–Friday, no holidays: a stand-in for unit tests and for an engine without the
 * Vietnamese calendar module. Never use it for real deadlines (it knows no Tết).
 */
export function weekendsOnlyCalendar(extraDaysOff: readonly IsoDate[] = []): BusinessCalendar {
  const off = new Set(extraDaysOff);
  const isWorkingDay = (date: IsoDate): boolean => {
    const weekday = (toDay(date) + 4) % 7; // 1970-01-01 was a Thursday (4)
    return weekday !== 0 && weekday !== 6 && !off.has(date);
  };
  return {
    isWorkingDay,
    addWorkingDays(from, days) {
      let day = toDay(from);
      if (days === 0) {
        while (!isWorkingDay(fromDay(day))) day += 1;
        return fromDay(day);
      }
      const step = days > 0 ? 1 : -1;
      for (let left = Math.abs(days); left > 0; ) {
        day += step;
        if (isWorkingDay(fromDay(day))) left -= 1;
      }
      return fromDay(day);
    },
    workingDaysBetween(from, to) {
      const [a, b] = [toDay(from), toDay(to)];
      const sign = b >= a ? 1 : -1;
      let count = 0;
      for (let day = Math.min(a, b) + 1; day <= Math.max(a, b); day++) if (isWorkingDay(fromDay(day))) count++;
      return sign * count;
    },
  };
}
