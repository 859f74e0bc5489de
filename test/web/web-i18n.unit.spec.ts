import { createHash } from 'node:crypto';
import { codeChallenge, randomToken } from '../../web/src/auth/pkce';
import { en } from '../../web/src/i18n/en';
import { formatDate, formatDateTime, formatDayDate, fromVietnamLocalInput, interpolate, toVietnamLocalInput, vietnamDate } from '../../web/src/i18n/format';
import { vi } from '../../web/src/i18n/vi';
import { ApiError, fieldProblems } from '../../web/src/api/problem';

describe('web i18n', () => {
  it('translates every Vietnamese key into English, none empty', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    for (const [key, text] of [...Object.entries(vi), ...Object.entries(en)]) expect(`${key}=${text.trim()}`).not.toMatch(/=$/);
  });

  it('keeps the same placeholders in both languages', () => {
    const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(`${key}:${names(en[key])}`).toBe(`${key}:${names(vi[key])}`);
  });

  it('formats dates dd/MM/yyyy in Vietnam time with Vietnamese day names', () => {
    expect(formatDate('2023-01-26T20:00:00Z')).toBe('27/01/2023'); // 03:00 on the 27th in Hanoi
    expect(formatDate('2023-01-27')).toBe('27/01/2023');
    expect(formatDayDate('2023-01-27T02:00:00Z', 'vi')).toBe('Thứ Sáu, 27/01/2023');
    expect(formatDayDate('2023-01-29T02:00:00Z', 'vi')).toBe('Chủ nhật, 29/01/2023');
    expect(formatDayDate('2023-01-27T02:00:00Z', 'en')).toBe('Friday, 27/01/2023');
    expect(formatDateTime('2023-01-27T01:05:00Z', 'vi')).toBe('Thứ Sáu, 27/01/2023 08:05');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('reads and writes datetime-local values as Vietnam time', () => {
    const instant = new Date('2023-01-27T01:05:00Z');
    expect(toVietnamLocalInput(instant)).toBe('2023-01-27T08:05');
    expect(fromVietnamLocalInput('2023-01-27T08:05')).toBe('2023-01-27T08:05:00+07:00');
    expect(fromVietnamLocalInput('27/01/2023')).toBeNull();
    expect(vietnamDate(new Date('2023-01-26T17:00:00Z'))).toBe('2023-01-27');
    expect(interpolate('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });

  it('puts problem+json errors next to their fields', () => {
    const validation = new ApiError(400, 'VALIDATION.FAILED', 'invalid', [{ field: 'attachments[0].sha256', message: 'bad' }]);
    expect(fieldProblems(validation)).toEqual({ attachments: ['bad'] });
    const domain = new ApiError(422, 'FINDING.TARGET_DATE_IN_PAST', 'targetDate is in the past');
    expect(fieldProblems(domain)).toEqual({ targetDate: ['targetDate is in the past'] });
    expect(fieldProblems(new ApiError(409, 'FINDING.ALREADY_CLOSED', 'closed'))).toEqual({});
  });
});

describe('PKCE', () => {
  it('derives the S256 challenge: base64url(sha256(verifier)) without padding', async () => {
    const verifier = 'dBjftJeZ4CVP-mtd5I2D5xXqRVHIO5KP0t-Ck2kbHaI';
    expect(await codeChallenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
    expect(randomToken(48)).toMatch(/^[A-Za-z0-9_-]{64}$/);
  });
});
