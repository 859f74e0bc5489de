import { dayNumberFromCivil, isoFromDayNumber, parseIsoDate } from './calendar-dates';
import { ruleBasedSchedule, tetDays } from './statutory-holidays';

const day = (iso: string) => dayNumberFromCivil(parseIsoDate(iso)!);
const offDays = (year: number) => ruleBasedSchedule(year).daysOff.map((d) => `${d.date} ${d.kind} ${d.holiday}`);

describe('statutory holidays computed by rule', () => {
  it.each([
    // mùng 1, the five Tết days the Prime Minister chose that year
    ['2021-02-12', '2021-02-10', '2021-02-14'], // Fri: 2 before + 3 after
    ['2022-02-01', '2022-01-31', '2022-02-04'], // Tue: 1 + 4, all weekdays
    ['2023-01-22', '2023-01-20', '2023-01-24'], // Sun: 2 + 3
    ['2024-02-10', '2024-02-08', '2024-02-12'], // Sat: 2 + 3
    ['2025-01-29', '2025-01-27', '2025-01-31'], // Wed: 2 + 3, all weekdays
    ['2026-02-17', '2026-02-16', '2026-02-20'], // Tue: 1 + 4, all weekdays
  ])('given Tết on %s, the rule picks the announced five days %s … %s', (tet, first, last) => {
    const days = tetDays(day(tet)).map(isoFromDayNumber);
    expect([days[0], days[4]]).toEqual([first, last]);
  });

  it.each([
    [2021, '2021-09-03'], // Thu → Fri 3/9
    [2022, '2022-09-01'], // Fri → Thu 1/9
    [2023, '2023-09-01'], // Sat → Fri 1/9
    [2024, '2024-09-03'], // Mon → Tue 3/9
    [2025, '2025-09-01'], // Tue → Mon 1/9
    [2026, '2026-09-01'], // Wed → Tue 1/9
    [2027, '2027-09-03'], // Thu → Fri 3/9
  ])('puts the adjacent National Day day of %i on %s', (year, adjacent) => {
    expect(ruleBasedSchedule(year).daysOff).toContainEqual(expect.objectContaining({ date: adjacent, holiday: 'national_day', kind: 'holiday' }));
  });

  it('gives a compensatory day on the next free working day for each holiday on a weekend (2023)', () => {
    // Hùng Kings Sat 29/4, 30/4 Sun, 1/5 Mon → compensatory Tue 2/5 and Wed 3/5.
    expect(offDays(2023).filter((d) => d.startsWith('2023-04') || d.startsWith('2023-05'))).toEqual([
      '2023-04-29 holiday hung_kings',
      '2023-04-30 holiday reunification_day',
      '2023-05-01 holiday labour_day',
      '2023-05-02 compensatory hung_kings',
      '2023-05-03 compensatory reunification_day',
    ]);
  });

  it('computes a year no announcement covers yet (2027), citing the Labour Code', () => {
    const schedule = ruleBasedSchedule(2027);
    expect(schedule.daysOff.map((d) => `${d.date} ${d.kind} ${d.holiday}`)).toEqual([
      '2027-01-01 holiday new_year',
      '2027-02-04 holiday tet', // Tết Sat 6/2: 2 before + 3 after
      '2027-02-05 holiday tet',
      '2027-02-06 holiday tet',
      '2027-02-07 holiday tet',
      '2027-02-08 holiday tet',
      '2027-02-09 compensatory tet',
      '2027-02-10 compensatory tet',
      '2027-04-16 holiday hung_kings',
      '2027-04-30 holiday reunification_day',
      '2027-05-01 holiday labour_day', // Saturday
      '2027-05-03 compensatory labour_day',
      '2027-09-02 holiday national_day',
      '2027-09-03 holiday national_day',
    ]);
    expect(schedule.workingDays).toEqual([]);
    expect(schedule.daysOff.every((d) => d.source.includes('45/2019/QH14'))).toBe(true);
  });
});
