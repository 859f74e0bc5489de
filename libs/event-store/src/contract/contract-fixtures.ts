import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, ReadAllOptions, RecordedEvent } from '../event-store.port';

export interface EventStoreUnderTest {
  store: EventStore;
  teardown(): Promise<void>;
}

export type EventStoreFactory = () => Promise<EventStoreUnderTest>;

/** Lazily bound store: describe blocks register tests before beforeAll has created it. */
export type StoreRef = () => EventStore;

export function streamName(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export function metadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actorId: 'actor-1',
    role: 'inspector',
    unitId: 'unit-7',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: null,
    reason: null,
    ...overrides,
  };
}

export function newEvent(type = 'Something.Happened', overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type,
    data: { value: Math.round(Math.random() * 1e6) },
    metadata: metadata(),
    occurredAt: new Date('2024-05-01T10:00:00.123Z'),
    ...overrides,
  };
}

export const ids = (events: readonly { id: string }[]): string[] => events.map((event) => event.id);

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * readAll until `done` holds. Gap-free stores may hold back events committed after a
 * transaction that is still running (on PostgreSQL: any transaction on the server), so
 * visibility in the global log is eventual, not immediate.
 */
export async function readAllUntil(
  store: EventStore,
  options: ReadAllOptions,
  done: (events: RecordedEvent[]) => boolean,
  timeoutMs = 15_000,
): Promise<RecordedEvent[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const events = await store.readAll(options);
    if (done(events) || Date.now() > deadline) return events;
    await sleep(20);
  }
}

/** Resolves with the rejection of `promise` (fails when it fulfils). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

/** Polls `condition` until it holds; throws with `what` after timeoutMs. */
export async function waitFor(what: string, condition: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}
