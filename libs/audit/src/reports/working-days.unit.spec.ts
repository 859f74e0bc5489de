import { median, percentile, vietnamDate, weekdaysBetween } from './working-days';

describe('report arithmetic', () => {
  it('counts Monday–Friday in (from, to]', () => {
    expect(weekdaysBetween('2023-02-03', '2023-02-06')).toBe(1); // Fri → Mon
    expect(weekdaysBetween('2023-02-06', '2023-02-20')).toBe(10);
    expect(weekdaysBetween('2023-02-06', '2023-02-06')).toBe(0);
    expect(weekdaysBetween('2023-02-20', '2023-02-06')).toBe(-10);
    expect(weekdaysBetween('2023-02-04', '2023-02-05')).toBe(0); // Sat → Sun
  });

  it('takes Vietnam dates of instants', () => {
    expect(vietnamDate(new Date('2023-02-05T17:30:00Z'))).toBe('2023-02-06');
  });

  it('computes median and nearest-rank p90', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([], 90)).toBeNull();
  });
});
