import type { LogPosition } from './event-store.port';

/** Orders log positions by (commit, prepare): negative, zero or positive like a comparator. */
export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** "commit/prepare", for logs and error messages. */
export function formatLogPosition(position: LogPosition): string {
  return `${position.commit}/${position.prepare}`;
}
