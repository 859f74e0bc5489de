import { ValidationError } from '../shared';
import { createBusinessCalendar } from './vietnam-business-calendar';

const calendar = createBusinessCalendar();

describe('Vietnamese business calendar', () => {
  describe('Tết for public servants', () => {
    it.each([
      ['2023', '2023-01-19', '2023-01-20', '2023-01-26', '2023-01-27'],
      ['2024', '2024-02-07', '2024-02-08', '2024-02-14', '2024-02-15'],
      ['2025', '2025-01-24', '2025-01-25', '2025-02-02', '2025-02-03'],
    ])('Tết %s: off from %s+1 (%s) to %s, back to work on %s', (_year, lastBefore, first, last, back) => {
      expect(calendar.isWorkingDay(lastBefore)).toBe(true);
      expect(calendar.workingDaysBetween(lastBefore, last)).toBe(0); // every day from `first` to `last` is off
      expect(calendar.isWorkingDay(first)).toBe(false);
      expect(calendar.isWorkingDay(last)).toBe(false);
      expect(calendar.isWorkingDay(back)).toBe(true);
      expect(calendar.addWorkingDays(lastBefore, 1)).toBe(back);
    });

    it('given Thu 19 Jan 2023, when adding 5 working days, then Thu 2 Feb 2023', () => {
      expect(calendar.addWorkingDays('2023-01-19', 5)).toBe('2023-02-02');
      expect(calendar.workingDaysBetween('2023-01-19', '2023-02-02')).toBe(5);
    });
  });

  describe('addWorkingDays', () => {
    it.each([
      // from, days, expected — positive
      ['2023-01-19', 15, '2023-02-16'], // major finding on 19 Jan 2023: 15 working days across Tết
      ['2023-12-29', 1, '2024-01-02'], // Fri → over the weekend and New Year (Mon 1 Jan 2024)
      ['2024-02-07', 3, '2024-02-19'], // across Tết 2024 and a weekend
      ['2024-04-26', 1, '2024-05-02'], // Fri: 27/4–1/5 off (29/4 swapped)
      ['2024-05-03', 1, '2024-05-04'], // Sat 4 May 2024 is a swapped working day
      ['2025-04-25', 1, '2025-04-26'], // Sat 26 Apr 2025 is a swapped working day
      ['2023-08-31', 1, '2023-09-05'], // National Day 1–4 Sep 2023
      ['2022-12-30', 1, '2023-01-03'], // across the year and the compensatory Mon 2 Jan 2023
      // zero: from itself when working, else the next working day
      ['2023-01-19', 0, '2023-01-19'],
      ['2023-01-21', 0, '2023-01-27'],
      ['2023-01-20', 0, '2023-01-27'],
      // negative: counting backwards, from not counted
      ['2023-01-27', -1, '2023-01-19'],
      ['2023-02-02', -5, '2023-01-19'],
      ['2024-01-02', -1, '2023-12-29'],
      ['2025-02-03', -1, '2025-01-24'],
    ])('from %s adding %i → %s', (from, days, expected) => {
      expect(calendar.addWorkingDays(from, days)).toBe(expected);
    });

    it('refuses non-integer or enormous steps and malformed or out-of-range dates', () => {
      expect(() => calendar.addWorkingDays('2023-01-19', 1.5)).toThrow(ValidationError);
      expect(() => calendar.addWorkingDays('2023-01-19', 20_000)).toThrow(ValidationError);
      expect(() => calendar.addWorkingDays('2023-02-30', 1)).toThrow(expect.objectContaining({ code: 'CALENDAR.INVALID_DATE' }));
      expect(() => calendar.isWorkingDay('1999-12-31')).toThrow(expect.objectContaining({ code: 'CALENDAR.YEAR_OUT_OF_RANGE' }));
      expect(() => calendar.addWorkingDays('2100-12-31', 1)).toThrow(expect.objectContaining({ code: 'CALENDAR.YEAR_OUT_OF_RANGE' }));
    });
  });

  describe('workingDaysBetween (from, to]', () => {
    it.each([
      ['2023-01-19', '2023-01-19', 0],
      ['2023-01-19', '2023-01-27', 1],
      ['2023-01-01', '2023-01-31', 16], // 22 weekdays − 2/1 − 20, 23–26/1
      ['2023-01-27', '2023-01-19', -1],
      ['2023-01-21', '2023-01-22', 0], // a weekend within Tết
      ['2024-01-01', '2024-12-31', 251], // 262 weekdays − 12 weekday days off + Sat 4 May
    ])('between %s and %s: %i', (from, to, expected) => {
      expect(calendar.workingDaysBetween(from, to)).toBe(expected);
    });

    it('inverts addWorkingDays for positive steps', () => {
      for (const days of [1, 2, 5, 15, 30, 60]) {
        expect(calendar.workingDaysBetween('2023-01-19', calendar.addWorkingDays('2023-01-19', days))).toBe(days);
      }
    });
  });

  describe('years without an announcement', () => {
    it('applies the rules: Tết 2027 (Sat 6 Feb) off 4–10 Feb, compensatory days included', () => {
      expect(calendar.addWorkingDays('2027-02-03', 1)).toBe('2027-02-11');
      expect(calendar.describeYear(2027).basis).toBe('rule');
    });

    it('takes no announcement into account when built with schedules: []', () => {
      const rulesOnly = createBusinessCalendar({ schedules: [] });
      expect(rulesOnly.isWorkingDay('2024-04-29')).toBe(true); // the swap exists only in the announcement
      expect(rulesOnly.isWorkingDay('2024-05-04')).toBe(false);
      expect(rulesOnly.addWorkingDays('2023-01-19', 5)).toBe('2023-02-02'); // the rules alone get Tết 2023 right
    });
  });

  describe('administrator overrides', () => {
    const withOverrides = createBusinessCalendar({
      overrides: [
        {
          year: 2023,
          daysOff: [{ date: '2023-01-27', reason: 'Thông báo của UBND thành phố (thử nghiệm)' }],
          workingDays: [{ date: '2023-01-26', reason: 'Làm việc trực Tết' }],
        },
        { year: 2027, daysOff: [], workingDays: [{ date: '2027-02-10', reason: 'Announced Tết 2027 ends on 9 Feb' }] },
      ],
    });

    it('given an extra day off, when adding working days across it, then the deadline moves', () => {
      expect(withOverrides.isWorkingDay('2023-01-27')).toBe(false);
      expect(withOverrides.isWorkingDay('2023-01-26')).toBe(true);
      expect(withOverrides.addWorkingDays('2023-01-19', 1)).toBe('2023-01-26');
      expect(withOverrides.addWorkingDays('2023-01-19', 5)).toBe('2023-02-02');
      expect(withOverrides.addWorkingDays('2023-01-26', 1)).toBe('2023-01-30');
    });

    it('lets an override make a rule-computed holiday a working day', () => {
      expect(withOverrides.isWorkingDay('2027-02-10')).toBe(true);
      expect(calendar.isWorkingDay('2027-02-10')).toBe(false);
    });

    it('shows overrides with their reasons in the year view, replacing what they override', () => {
      const year = withOverrides.describeYear(2023);
      expect(year.daysOff).toContainEqual(expect.objectContaining({ date: '2023-01-27', kind: 'override', reason: 'Thông báo của UBND thành phố (thử nghiệm)' }));
      expect(year.daysOff.find((d) => d.date === '2023-01-26')).toBeUndefined();
      expect(year.workingDays).toEqual([expect.objectContaining({ date: '2023-01-26', kind: 'override', reason: 'Làm việc trực Tết' })]);
      expect(withOverrides.overridesFor(2023)?.daysOff).toHaveLength(1);
    });

    it('refuses invalid overrides', () => {
      expect(() =>
        createBusinessCalendar({ overrides: [{ year: 2023, daysOff: [{ date: '2024-01-02', reason: 'x' }], workingDays: [] }] }),
      ).toThrow(expect.objectContaining({ code: 'CALENDAR.DATE_OUTSIDE_YEAR' }));
    });
  });

  describe('the year view', () => {
    it('names each day off in Vietnamese and English with its source, and counts working days per month', () => {
      const year = calendar.describeYear(2024);
      expect(year.basis).toBe('announced');
      expect(year.daysOff.find((d) => d.date === '2024-02-13')).toEqual({
        date: '2024-02-13',
        kind: 'compensatory',
        holiday: 'tet',
        nameVi: 'Tết Âm lịch (Tết Nguyên đán) — nghỉ bù',
        nameEn: 'Lunar New Year (Tết) — compensatory day off',
        source: expect.stringContaining('8662/VPCP-KGVX'),
        reason: null,
      });
      expect(year.workingDays).toEqual([
        expect.objectContaining({ date: '2024-05-04', kind: 'swapped', inLieuOf: '2024-04-29', source: expect.stringContaining('2450/VPCP-KGVX') }),
      ]);
      expect(year.workingDaysPerMonth).toHaveLength(12);
      expect(year.workingDaysPerMonth[1]).toEqual({ month: 2, workingDays: 16 }); // 21 weekdays − 5 Tết weekdays
      expect(year.workingDaysPerMonth[4]).toEqual({ month: 5, workingDays: 23 }); // 23 weekdays − 1/5 + Sat 4/5
      expect(year.workingDaysInYear).toBe(251);
    });

    it('is memoised: the same view object for the same year', () => {
      expect(calendar.describeYear(2025)).toBe(calendar.describeYear(2025));
    });
  });
});
