import { compareLogPositions } from '../log-position';
import type { EventStore, LogPosition } from '../event-store.port';

export interface PortOnly {
  /** The EventStore port of the store and nothing else (no pool, no SQL helpers). */
  port: EventStore;
  /** Every append made through the port, in order: stream and number of events. */
  appends: { streamId: string; events: number }[];
  /** readAll and headPosition calls made through the port. */
  logReads(): number;
}

/**
 * For tests that prove a consumer needs only the port, as it will with KurrentDB: the store's
 * port methods, bound, with the appends and log reads counted.
 */
export function portOnly(store: EventStore): PortOnly {
  const appends: PortOnly['appends'] = [];
  let reads = 0;
  const port: EventStore = {
    append: (streamId, events, options) => (appends.push({ streamId, events: events.length }), store.append(streamId, events, options)),
    readStream: (streamId, options) => store.readStream(streamId, options),
    streamVersion: (streamId) => store.streamVersion(streamId),
    readAll: (options) => ((reads += 1), store.readAll(options)),
    headPosition: () => ((reads += 1), store.headPosition()),
    findCommand: (key) => store.findCommand(key),
    recordCommand: (key, hash, response) => store.recordCommand(key, hash, response),
  };
  return { port, appends, logReads: () => reads };
}

/**
 * Resolves once `position` is readable through `store.readAll` (KurrentDB: at once). On
 * PostgreSQL the gap-free horizon is cluster-wide: in a test run, transactions of other test
 * databases on the same server can hold it back for a moment, so a test that appended and then
 * calls a port-following catchUp (which reads up to the horizon) waits for this first.
 */
export async function untilReadable(store: Pick<EventStore, 'headPosition'>, position: LogPosition, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (compareLogPositions(await store.headPosition(), position) < 0) {
    if (Date.now() > deadline) throw new Error(`position ${position.commit}/${position.prepare} not readable after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
