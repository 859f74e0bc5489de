import { types } from 'pg';
import { parseIsoTimestamptz } from './event-row.mapper';

const pgParse = types.getTypeParser(1184, 'text') as (text: string) => Date;

describe('parseIsoTimestamptz (the replay reader timestamp parser)', () => {
  it.each([
    '2026-03-04 05:06:07+00',
    '2026-03-04 05:06:07.1+00',
    '2026-03-04 05:06:07.123+00',
    '2026-03-04 05:06:07.123456+00',
    '2026-03-04 05:06:07.999999+07',
    '2024-02-29 23:59:59.5-03:30',
    '1970-01-01 00:00:00+00',
    '2000-12-31 23:00:00.000001+05:30:15',
    '0150-06-01 12:00:00+00',
  ])('gives the same instant as pg for %s', (text) => {
    expect(parseIsoTimestamptz(text)?.getTime()).toBe(pgParse(text).getTime());
  });

  it.each(['infinity', '-infinity', '0099-01-01 00:00:00+00', '2026-03-04 05:06:07 BC', '12026-03-04 05:06:07+00', '2026-03-04T05:06:07Z'])(
    'declines %s, so the caller falls back to the general parser',
    (text) => {
      expect(parseIsoTimestamptz(text)).toBeNull();
    },
  );
});
