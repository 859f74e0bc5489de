import { ANNOUNCED_SCHEDULES } from './announced-schedules.data';
import { dayNumberFromCivil, isWeekend, parseIsoDate } from './calendar-dates';
import { ruleBasedSchedule } from './statutory-holidays';

const weekend = (iso: string) => isWeekend(dayNumberFromCivil(parseIsoDate(iso)!));
const scheduleOf = (year: number) => ANNOUNCED_SCHEDULES.find((s) => s.year === year)!;

/** Every day off of each shipped year, restated for review: date, kind, holiday. */
const EXPECTED_DAYS_OFF: Record<number, string[]> = {
  2022: [
    '2022-01-01 holiday new_year', '2022-01-03 compensatory new_year',
    '2022-01-31 holiday tet', '2022-02-01 holiday tet', '2022-02-02 holiday tet', '2022-02-03 holiday tet', '2022-02-04 holiday tet',
    '2022-04-10 holiday hung_kings', '2022-04-11 compensatory hung_kings',
    '2022-04-30 holiday reunification_day', '2022-05-01 holiday labour_day',
    '2022-05-02 compensatory reunification_day', '2022-05-03 compensatory labour_day',
    '2022-09-01 holiday national_day', '2022-09-02 holiday national_day',
  ],
  2023: [
    '2023-01-01 holiday new_year', '2023-01-02 compensatory new_year',
    '2023-01-20 holiday tet', '2023-01-21 holiday tet', '2023-01-22 holiday tet', '2023-01-23 holiday tet', '2023-01-24 holiday tet',
    '2023-01-25 compensatory tet', '2023-01-26 compensatory tet',
    '2023-04-29 holiday hung_kings', '2023-04-30 holiday reunification_day', '2023-05-01 holiday labour_day',
    '2023-05-02 compensatory hung_kings', '2023-05-03 compensatory reunification_day',
    '2023-09-01 holiday national_day', '2023-09-02 holiday national_day', '2023-09-04 compensatory national_day',
  ],
  2024: [
    '2024-01-01 holiday new_year',
    '2024-02-08 holiday tet', '2024-02-09 holiday tet', '2024-02-10 holiday tet', '2024-02-11 holiday tet', '2024-02-12 holiday tet',
    '2024-02-13 compensatory tet', '2024-02-14 compensatory tet',
    '2024-04-18 holiday hung_kings',
    '2024-04-29 swapped reunification_day', '2024-04-30 holiday reunification_day', '2024-05-01 holiday labour_day',
    '2024-09-02 holiday national_day', '2024-09-03 holiday national_day',
  ],
  2025: [
    '2025-01-01 holiday new_year',
    '2025-01-27 holiday tet', '2025-01-28 holiday tet', '2025-01-29 holiday tet', '2025-01-30 holiday tet', '2025-01-31 holiday tet',
    '2025-04-07 holiday hung_kings',
    '2025-04-30 holiday reunification_day', '2025-05-01 holiday labour_day', '2025-05-02 swapped labour_day',
    '2025-09-01 holiday national_day', '2025-09-02 holiday national_day',
  ],
  2026: [
    '2026-01-01 holiday new_year', '2026-01-02 swapped new_year',
    '2026-02-16 holiday tet', '2026-02-17 holiday tet', '2026-02-18 holiday tet', '2026-02-19 holiday tet', '2026-02-20 holiday tet',
    '2026-04-26 holiday hung_kings', '2026-04-27 compensatory hung_kings',
    '2026-04-30 holiday reunification_day', '2026-05-01 holiday labour_day',
    '2026-08-31 swapped national_day', '2026-09-01 holiday national_day', '2026-09-02 holiday national_day',
  ],
};

/** Every swapped working Saturday: date worked, the day off it pays for. */
const EXPECTED_WORKING_DAYS: Record<number, string[]> = {
  2022: [],
  2023: [],
  2024: ['2024-05-04 for 2024-04-29'],
  2025: ['2025-04-26 for 2025-05-02'],
  2026: ['2026-01-10 for 2026-01-02', '2026-08-22 for 2026-08-31'],
};

describe('announced public-servant schedules 2022–2026 (shipped data)', () => {
  it('covers exactly 2022 through 2026, one schedule per year', () => {
    expect(ANNOUNCED_SCHEDULES.map((s) => s.year)).toEqual([2022, 2023, 2024, 2025, 2026]);
  });

  describe.each(Object.keys(EXPECTED_DAYS_OFF).map(Number))('%i', (year) => {
    const schedule = scheduleOf(year);

    it('lists every holiday, compensatory and swapped day off', () => {
      expect(schedule.daysOff.map((d) => `${d.date} ${d.kind} ${d.holiday}`)).toEqual(EXPECTED_DAYS_OFF[year]);
    });

    it('lists every swapped working Saturday, each paying for a swapped day off', () => {
      expect(schedule.workingDays.map((w) => `${w.date} for ${w.inLieuOf}`)).toEqual(EXPECTED_WORKING_DAYS[year]);
      for (const w of schedule.workingDays) {
        expect(weekend(w.date)).toBe(true);
        expect(schedule.daysOff).toContainEqual(expect.objectContaining({ date: w.inLieuOf, kind: 'swapped' }));
      }
      const swaps = schedule.daysOff.filter((d) => d.kind === 'swapped');
      expect(swaps.map((d) => d.date).sort()).toEqual(schedule.workingDays.map((w) => w.inLieuOf).sort());
    });

    it('cites a document for every day and keeps every date in its year', () => {
      for (const entry of [...schedule.daysOff, ...schedule.workingDays]) {
        expect(entry.source.trim().length).toBeGreaterThan(10);
        expect(entry.date.startsWith(`${year}-`)).toBe(true);
      }
      expect(schedule.sources.length).toBeGreaterThan(0);
      expect(new Set([...schedule.daysOff, ...schedule.workingDays].map((e) => e.source))).toEqual(new Set(schedule.sources));
    });

    it('agrees with the rules: rule-computed days plus the announced swaps', () => {
      // The lunar dates of date-holidays and the Labour Code rules reproduce every announced
      // holiday and compensatory day; only the swaps are announcement-only.
      const rule = ruleBasedSchedule(year).daysOff.map((d) => `${d.date} ${d.kind} ${d.holiday}`);
      const swapped = schedule.daysOff.filter((d) => d.kind === 'swapped').map((d) => `${d.date} ${d.kind} ${d.holiday}`);
      expect([...rule, ...swapped].sort()).toEqual([...EXPECTED_DAYS_OFF[year]].sort());
    });
  });

  it('gives public servants 20–26 Jan 2023, 8–14 Feb 2024 and 25 Jan–2 Feb 2025 off for Tết (weekdays listed)', () => {
    const tetWeekdays = (year: number) =>
      scheduleOf(year).daysOff.filter((d) => d.holiday === 'tet' && !weekend(d.date)).map((d) => d.date);
    expect(tetWeekdays(2023)).toEqual(['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26']);
    expect(tetWeekdays(2024)).toEqual(['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14']);
    expect(tetWeekdays(2025)).toEqual(['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
  });
});
