import type { IsoDate } from './business-calendar';
import { dayNumberFromCivil, isoFromDayNumber, isWeekend, parseIsoDate, weekdayOf } from './calendar-dates';
import type { AnnouncedSchedule, ScheduledDayOff } from './calendar-schedule.types';
import { LABOUR_CODE_COMPENSATORY, LABOUR_CODE_HOLIDAYS, type HolidayId } from './holidays';
import { lunarDatesOf } from './lunar-dates';

const RULE_TET = `${LABOUR_CODE_HOLIDAYS} — Tết days estimated by rule until the Prime Minister announces them`;
const RULE_NATIONAL_DAY = `${LABOUR_CODE_HOLIDAYS} — adjacent day estimated by rule until announced`;

/**
 * The adjacent National Day day, by the weekday of 2/9, as the announcements of 2021–2026
 * chose it: the side that joins the weekend (Mon→3/9, Tue→1/9, Wed→1/9, Thu→3/9, Fri→1/9,
 * Sat→1/9, Sun→3/9). Indexed by weekday, 0 = Sunday.
 */
const NATIONAL_DAY_ADJACENT_OFFSET = [+1, +1, -1, -1, +1, -1, -1] as const;

/**
 * The statutory holidays of `year` and their compensatory days, computed by rule:
 * - New Year 1/1, 30/4, 1/5, Hùng Kings (10/3 lunar), 2/9 plus the adjacent day above;
 * - Tết: five days around mùng 1 — 1 day before and 4 after, or 2 before and 3 after,
 *   whichever falls wholly on weekdays; when neither does, 2 before and 3 after (the choice
 *   of every announcement 2021–2026);
 * - a holiday on a Saturday or Sunday gives a compensatory day on the next working day that
 *   is not itself a holiday or a compensatory day (Art. 111(3)), in date order.
 * Swapped days are never computed: only an announcement makes them.
 */
export function ruleBasedSchedule(year: number): AnnouncedSchedule {
  const { tet, hungKings } = lunarDatesOf(year);
  const holidays: { day: number; holiday: HolidayId; source: string }[] = [];
  const fixed = (month: number, day: number, holiday: HolidayId, source = LABOUR_CODE_HOLIDAYS) =>
    holidays.push({ day: dayNumberFromCivil({ year, month, day }), holiday, source });

  fixed(1, 1, 'new_year');
  for (const day of tetDays(dayOf(tet))) holidays.push({ day, holiday: 'tet', source: RULE_TET });
  holidays.push({ day: dayOf(hungKings), holiday: 'hung_kings', source: LABOUR_CODE_HOLIDAYS });
  fixed(4, 30, 'reunification_day');
  fixed(5, 1, 'labour_day');
  const nationalDay = dayNumberFromCivil({ year, month: 9, day: 2 });
  fixed(9, 2, 'national_day');
  holidays.push({
    day: nationalDay + NATIONAL_DAY_ADJACENT_OFFSET[weekdayOf(nationalDay)],
    holiday: 'national_day',
    source: RULE_NATIONAL_DAY,
  });
  holidays.sort((a, b) => a.day - b.day);

  const taken = new Set(holidays.map((h) => h.day));
  const daysOff: ScheduledDayOff[] = [];
  for (const h of holidays) {
    daysOff.push({ date: isoFromDayNumber(h.day), holiday: h.holiday, kind: 'holiday', source: h.source });
    if (!isWeekend(h.day)) continue;
    let next = h.day + 1;
    while (isWeekend(next) || taken.has(next)) next++;
    taken.add(next);
    daysOff.push({ date: isoFromDayNumber(next), holiday: h.holiday, kind: 'compensatory', source: LABOUR_CODE_COMPENSATORY });
  }
  daysOff.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { year, sources: [...new Set(daysOff.map((d) => d.source))], daysOff, workingDays: [] };
}

/** The five statutory Tết days as day numbers, given mùng 1. */
export function tetDays(firstDay: number): number[] {
  const span = (before: number) => Array.from({ length: 5 }, (_, i) => firstDay - before + i);
  const oneBefore = span(1);
  const twoBefore = span(2);
  if (oneBefore.every((d) => !isWeekend(d))) return oneBefore;
  return twoBefore;
}

function dayOf(date: IsoDate): number {
  const civil = parseIsoDate(date);
  if (!civil) throw new Error(`not a date: ${date}`);
  return dayNumberFromCivil(civil);
}
