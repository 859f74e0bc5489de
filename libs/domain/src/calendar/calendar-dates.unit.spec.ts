import { addDays, civilFromDayNumber, dayNumberFromCivil, isoFromDayNumber, parseIsoDate, weekdayOf } from './calendar-dates';

describe('calendar dates', () => {
  it('round-trips day numbers over the whole range, leap days included', () => {
    const start = dayNumberFromCivil({ year: 1999, month: 12, day: 31 });
    const end = dayNumberFromCivil({ year: 2101, month: 1, day: 1 });
    const mismatches: number[] = [];
    for (let day = start; day <= end; day++) if (dayNumberFromCivil(civilFromDayNumber(day)) !== day) mismatches.push(day);
    expect(mismatches).toEqual([]);
    expect(isoFromDayNumber(0)).toBe('1970-01-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // 2100 is not a leap year
  });

  it('knows weekdays (0 = Sunday)', () => {
    expect(weekdayOf(dayNumberFromCivil({ year: 2023, month: 1, day: 19 }))).toBe(4); // Thursday
    expect(weekdayOf(dayNumberFromCivil({ year: 2024, month: 5, day: 4 }))).toBe(6); // Saturday
  });

  it('parses real YYYY-MM-DD dates only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    for (const bad of ['2023-02-29', '2023-1-05', '2023-00-10', '2023-13-01', '20230105', 20230105, null]) {
      expect(parseIsoDate(bad)).toBeNull();
    }
  });
});
