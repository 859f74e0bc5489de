/**
 * Crash points for crash-safety tests. With RECTIFY_CRASH_AT="timer-fired=250" the process
 * SIGKILLs itself the 250th time it passes the point named timer-fired: no shutdown hook runs,
 * the open transaction is lost — exactly what a power cut does, but at a chosen instant, so a
 * test proves recovery from the middle of the work however fast the machine is. Unset (always
 * in production: the engine's config refuses it there) a crash point is one Map lookup.
 */
export const CRASH_POINTS = {
  /** A due timer fired inside the poller's open transaction (before its COMMIT). */
  'timer-fired': 'due timers fired (counted one by one), their round not yet committed',
  /** One step of a disciplinary decision's execution plan committed. */
  'decision-step-done': 'a step of a decision execution committed',
} as const;
export type CrashPointName = keyof typeof CRASH_POINTS;

export const CRASH_AT_VARIABLE = 'RECTIFY_CRASH_AT';

/** Parses "name=N[,name=N]"; throws a readable error for an unknown name or a count below 1. */
export function parseCrashAt(value: string | undefined): Map<CrashPointName, number> {
  const plan = new Map<CrashPointName, number>();
  for (const part of (value ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)$/.exec(part);
    if (!match || !(match[1] in CRASH_POINTS) || Number(match[2]) < 1) {
      throw new Error(`${CRASH_AT_VARIABLE} must be name=N[,name=N] with N ≥ 1 and name one of ${Object.keys(CRASH_POINTS).join(', ')} (got '${part}')`);
    }
    plan.set(match[1] as CrashPointName, Number(match[2]));
  }
  return plan;
}

let plan: Map<CrashPointName, number> | undefined;
const passed = new Map<CrashPointName, number>();

/** Marks `times` passes of a crash point; kills the process when the configured count is reached. */
export function crashPoint(name: CrashPointName, times = 1): void {
  plan ??= parseCrashAt(process.env[CRASH_AT_VARIABLE]);
  const at = plan.get(name);
  if (at === undefined) return;
  const count = (passed.get(name) ?? 0) + times;
  passed.set(name, count);
  if (count >= at) {
    process.stderr.write(`[crash point] ${name} passed ${count} times: SIGKILL\n`);
    process.kill(process.pid, 'SIGKILL');
  }
}
