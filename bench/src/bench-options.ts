/**
 * http includes workload 3 (projection lag), measured during its fixed-rate record-finding run.
 * startup runs `npm start` with its own embedded PostgreSQL, so only when asked (--only=startup).
 */
export const WORKLOADS = ['append', 'http', 'catch-up', 'startup'] as const;
const DEFAULT_WORKLOADS: readonly WorkloadName[] = ['append', 'http', 'catch-up'];
export type WorkloadName = (typeof WORKLOADS)[number];

export interface BenchOptions {
  quick: boolean;
  only: readonly WorkloadName[];
  /** Events in the log for the catch-up and rebuild workload. */
  rebuildEvents: number;
  appendSecondsPerCell: number;
  appendRounds: number;
  httpSeconds: number;
}

/** `--quick` (under 2 minutes) or the full run (under 10); `--only=append,http` runs a subset. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? onlyArg.slice('--only='.length).split(',').map((s) => s.trim()) : [...DEFAULT_WORKLOADS];
  const unknown = only.filter((name) => !(WORKLOADS as readonly string[]).includes(name));
  const unknownFlags = argv.filter((a) => a !== '--quick' && !a.startsWith('--only='));
  if (unknown.length > 0 || unknownFlags.length > 0) {
    throw new Error(`usage: npm run bench [-- --quick] [-- --only=${WORKLOADS.join(',')}] (unknown: ${[...unknown, ...unknownFlags].join(' ')})`);
  }
  return {
    quick,
    only: only as WorkloadName[],
    rebuildEvents: quick ? 100_000 : 1_000_000,
    appendSecondsPerCell: quick ? 1 : 3,
    appendRounds: 1,
    httpSeconds: quick ? 5 : 10,
  };
}
