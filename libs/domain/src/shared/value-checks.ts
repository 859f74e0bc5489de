/**
 * Pure value checks shared by deciders. Instants are ISO 8601 with an explicit offset
 * (Z or ±hh:mm); calendar dates are YYYY-MM-DD.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHA256_HEX = /^[0-9a-f]{64}$/i;

/** Parses an ISO 8601 instant with offset; null when malformed or not a real time. */
export function parseIsoInstant(value: unknown): Date | null {
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** True for a real calendar date written YYYY-MM-DD (rejects 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Vietnam keeps UTC+7 all year (no DST): the civil date of an instant in Asia/Ho_Chi_Minh. */
export function vietnamCalendarDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA256_HEX.test(value);
}

/** True when `value` is a string whose trimmed length lies in [min, max]. */
export function hasTextLength(value: unknown, min: number, max: number): value is string {
  if (typeof value !== 'string') return false;
  const length = value.trim().length;
  return length >= min && length <= max;
}

/** True when every id is a non-empty string and none repeats. */
export function isDistinctIdList(values: unknown): values is string[] {
  return (
    Array.isArray(values) &&
    values.every((v) => typeof v === 'string' && v.trim().length > 0) &&
    new Set(values).size === values.length
  );
}
