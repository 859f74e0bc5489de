import type { NewEvent } from '@rectify/event-store';
import { elapsedMs } from '../support/stats';

export interface WritersResult {
  events: number;
  appends: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  latenciesMs: number[];
}

/**
 * Closed loop: `writers` concurrent writers append to new streams until `durationMs` has passed;
 * each append's latency is recorded. Events per append: `batch`.
 */
export async function runWriters(options: {
  writers: number;
  batch: number;
  durationMs: number;
  makeEvents: (batch: number) => NewEvent[];
  newStream: () => string;
  append: (streamId: string, events: readonly NewEvent[]) => Promise<void>;
}): Promise<WritersResult> {
  const result: WritersResult = { events: 0, appends: 0, errors: 0, firstError: null, seconds: 0, latenciesMs: [] };
  const start = process.hrtime.bigint();
  const deadline = Date.now() + options.durationMs;
  const writer = async () => {
    while (Date.now() < deadline) {
      const events = options.makeEvents(options.batch);
      const t0 = process.hrtime.bigint();
      try {
        await options.append(options.newStream(), events);
        result.latenciesMs.push(elapsedMs(t0));
        result.appends += 1;
        result.events += events.length;
      } catch (error) {
        result.errors += 1;
        result.firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, writer));
  result.seconds = elapsedMs(start) / 1000;
  return result;
}
