import type { IsoDate } from '../calendar/business-calendar';

/**
 * Deadline instants in Vietnam time (UTC+7, no DST):
 * - a deadline on day D passes at the end of D, i.e. D+1 00:00 +07:00 (a finding due on
 *   Thu 16 Feb 2023 becomes overdue at 2023-02-16T17:00:00.000Z);
 * - reminders go out at 08:00 +07:00 on their day.
 */
const HOUR_MS = 60 * 60 * 1000;

function utcMidnight(date: IsoDate): number {
  return Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
}

export function endOfVietnamDay(date: IsoDate): string {
  return new Date(utcMidnight(date) + 24 * HOUR_MS - 7 * HOUR_MS).toISOString();
}

export function vietnamMorning(date: IsoDate): string {
  return new Date(utcMidnight(date) + (8 - 7) * HOUR_MS).toISOString();
}
