import Holidays, { type HolidaysTypes } from 'date-holidays';
import type { IsoDate } from './business-calendar';

/**
 * Lunar dates from `date-holidays` (country VN), which computes the Vietnamese lunisolar
 * calendar for the UTC+7 meridian: it gives Tết 2007 on 17 Feb and Tết 2030 on 2 Feb, where
 * the Chinese calendar (UTC+8) gives 18 Feb and 3 Feb. Checked against the announced dates of
 * 2021–2026 in lunar-dates.unit.spec.ts. Only the two rules we need are kept: each year costs
 * a few milliseconds and is memoised.
 */
const TET_RULE = 'vietnamese 1-0-1';
const HUNG_KINGS_RULE = 'vietnamese 3-0-10';

let holidays: Holidays | null = null;
const memo = new Map<number, LunarDates>();

export interface LunarDates {
  /** Mùng 1 tháng Giêng: the first day of the lunar year. */
  tet: IsoDate;
  /** 10 tháng 3 âm lịch. */
  hungKings: IsoDate;
}

export function lunarDatesOf(year: number): LunarDates {
  const known = memo.get(year);
  if (known) return known;
  const found = lunarHolidays().getHolidays(year);
  const dateOf = (rule: string): IsoDate => {
    const holiday = found.find((h) => h.rule === rule);
    if (!holiday) throw new Error(`date-holidays gave no ${rule} in ${year}`);
    return holiday.date.slice(0, 10);
  };
  const dates = { tet: dateOf(TET_RULE), hungKings: dateOf(HUNG_KINGS_RULE) };
  memo.set(year, dates);
  return dates;
}

function lunarHolidays(): Holidays {
  if (holidays) return holidays;
  const vn = new Holidays('VN');
  // getRules() is typed as the rule class; the objects are plain { rule, … } options.
  for (const { rule } of vn.getRules() as unknown as HolidaysTypes.HolidayRule[]) {
    if (rule !== TET_RULE && rule !== HUNG_KINGS_RULE) vn.unsetRule(rule);
  }
  holidays = vn;
  return vn;
}
