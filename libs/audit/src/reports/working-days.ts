/** Counts working days in (from, to] between two YYYY-MM-DD dates. */
export type WorkingDaysCounter = (from: string, to: string) => number;

/** Vietnam civil date (UTC+7) of an instant. */
export function vietnamDate(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Monday–Friday only: the fallback until a business calendar (holidays, swapped Saturdays)
 * is supplied. Negative when `to` is before `from`.
 */
export const weekdaysBetween: WorkingDaysCounter = (from, to) => {
  if (to < from) return -weekdaysBetween(to, from);
  const start = Date.parse(`${from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / 86_400_000);
  let count = Math.floor(days / 7) * 5;
  for (let i = Math.floor(days / 7) * 7 + 1; i <= days; i++) {
    const weekday = new Date(start + i * 86_400_000).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count += 1;
  }
  return count;
};

/** Nearest-rank percentile (p in 0..100) of numbers; null when empty. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/** Median: the mean of the two middle values for an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
