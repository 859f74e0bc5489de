import { findingStream, inspectionStream, officialStream, unitStream } from './stream-names';
import { hasTextLength, isDistinctIdList, isIsoDate, isSha256Hex, parseIsoInstant, vietnamCalendarDate } from './value-checks';

describe('value checks', () => {
  it('parses ISO instants with an offset only', () => {
    expect(parseIsoInstant('2024-03-08T08:40:00+07:00')?.toISOString()).toBe('2024-03-08T01:40:00.000Z');
    expect(parseIsoInstant('2024-03-08T01:40Z')?.toISOString()).toBe('2024-03-08T01:40:00.000Z');
    expect(parseIsoInstant('2024-03-08T08:40:00')).toBeNull();
    expect(parseIsoInstant('2024-03-08')).toBeNull();
    expect(parseIsoInstant(42)).toBeNull();
  });

  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-05')).toBe(false);
  });

  it('gives the civil date in Vietnam (UTC+7)', () => {
    expect(vietnamCalendarDate(new Date('2024-03-10T16:59:59Z'))).toBe('2024-03-10');
    expect(vietnamCalendarDate(new Date('2024-03-10T17:00:00Z'))).toBe('2024-03-11');
  });

  it('checks sha256, text lengths and id lists', () => {
    expect(isSha256Hex('0'.repeat(64))).toBe(true);
    expect(isSha256Hex('0'.repeat(63))).toBe(false);
    expect(hasTextLength('  ab  ', 1, 2)).toBe(true);
    expect(hasTextLength('   ', 1, 2)).toBe(false);
    expect(isDistinctIdList([])).toBe(true);
    expect(isDistinctIdList(['a', 'a'])).toBe(false);
  });

  it('names streams <aggregate>-<id>', () => {
    expect([unitStream('1'), officialStream('2'), inspectionStream('3'), findingStream('4')]).toEqual([
      'unit-1',
      'official-2',
      'inspection-3',
      'finding-4',
    ]);
  });
});
