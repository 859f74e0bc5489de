import type { NewEvent } from '../event-store.port';
import { computeEventHash, type HashableEvent } from '../hashing/event-hash';

export interface EventToInsert extends HashableEvent {
  hash: string;
}

/** A JSON round trip: what jsonb will give back, so the hash recomputes after a read. */
function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Numbers, chains and hashes the new events after the stream head (version, lastHash). */
export function buildEventsToInsert(
  streamId: string,
  head: { version: number; lastHash: string },
  events: readonly NewEvent[],
  recordedAt: Date,
): EventToInsert[] {
  let prevHash = head.lastHash;
  return events.map((event, index) => {
    const hashable: HashableEvent = {
      id: event.id,
      streamId,
      version: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: jsonCopy(event.data),
      metadata: jsonCopy(event.metadata),
      occurredAt: new Date(event.occurredAt.getTime()),
      recordedAt,
      prevHash,
    };
    const hash = computeEventHash(hashable);
    prevHash = hash;
    return { ...hashable, hash };
  });
}
