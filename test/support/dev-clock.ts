import type { TestEngine } from './test-engine';

/** Engine options for a manual clock starting at `start` (moved by POST /api/v1/dev/clock). */
export const manualClock = (start: string) => ({ CLOCK: 'manual', CLOCK_START: start });

/** Moves engine time forward; due workflow timers fire before it answers. */
export async function moveClock(engine: TestEngine, admin: string, now: string): Promise<void> {
  const response = await engine.http.post('/api/v1/dev/clock').set('Authorization', `Bearer ${admin}`).send({ now });
  if (response.status !== 200) throw new Error(`dev clock: ${response.status} ${JSON.stringify(response.body)}`);
}
