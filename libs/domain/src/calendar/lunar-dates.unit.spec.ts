import { lunarDatesOf } from './lunar-dates';

describe('lunar dates from date-holidays (VN)', () => {
  it.each([
    // year, mùng 1 Tết, 10/3 âm lịch (Giỗ Tổ Hùng Vương) — as the announcements of each year state them
    [2021, '2021-02-12', '2021-04-21'],
    [2022, '2022-02-01', '2022-04-10'],
    [2023, '2023-01-22', '2023-04-29'],
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
  ])('gives Tết and Hùng Kings day of %i', (year, tet, hungKings) => {
    expect(lunarDatesOf(year)).toEqual({ tet, hungKings });
  });

  it.each([
    // Vietnam's calendar runs on UTC+7: a new moon just before midnight in Hanoi is already the next day in Beijing.
    [2007, '2007-02-17'],
    [2030, '2030-02-02'],
  ])('uses the Vietnamese (UTC+7) calendar, not the Chinese one: Tết %i = %s', (year, tet) => {
    expect(lunarDatesOf(year).tet).toBe(tet);
  });

  it('answers for every year of the calendar range', () => {
    expect(lunarDatesOf(2000).tet).toBe('2000-02-05');
    expect(lunarDatesOf(2100).tet).toBe('2100-02-09');
  });
});
