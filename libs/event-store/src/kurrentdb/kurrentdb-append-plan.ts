import { ConcurrencyError, DuplicateEventIdError } from '../errors';
import type { ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hashing/event-hash';
import type { EventToAppend } from './kurrentdb-envelope';

/**
 * Pure steps of the KurrentDB append (no I/O), shared by the adapter and its unit tests.
 * Versions are 1-based as in the port; KurrentDB revisions are version - 1.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lower-case uuids (the hash covers the id, so it must read back identically); no repeats. */
export function normaliseBatch(events: readonly NewEvent[]): NewEvent[] {
  const seen = new Set<string>();
  return events.map((event) => {
    if (!UUID.test(event.id)) throw new TypeError(`Event id must be a uuid, got "${event.id}"`);
    const id = event.id.toLowerCase();
    if (seen.has(id)) throw new DuplicateEventIdError(id);
    seen.add(id);
    return { ...event, id };
  });
}

export function assertValidAppend(streamId: string, expected: ExpectedVersion): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (streamId.startsWith('$')) throw new TypeError(`streamId must not start with $ (KurrentDB system streams): ${streamId}`);
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new TypeError(`expectedVersion must be 'any' or an integer >= 0, got ${String(expected)}`);
  }
}

export function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
}

/**
 * KurrentDB's stream state for "the stream is exactly at `version`": no_stream for 0
 * (KurrentDB has no revision for an empty stream), else revision version - 1.
 */
export function streamStateFor(version: number): 'no_stream' | bigint {
  return version === 0 ? 'no_stream' : BigInt(version - 1);
}

/** The port's version from KurrentDB's actual state in a WrongExpectedVersion error. */
export function versionFromState(state: unknown): number {
  return typeof state === 'bigint' ? Number(state) + 1 : 0;
}

/** Versions, hashes and recordedAt fixed before the append: the chain continues from `head`. */
export function prepareEvents(
  streamId: string,
  head: { version: number; hash: string },
  events: readonly NewEvent[],
  recordedAt: Date,
): EventToAppend[] {
  let prevHash = head.version === 0 ? GENESIS_HASH : head.hash;
  return events.map((event, index) => {
    const hashable = {
      id: event.id,
      streamId,
      version: head.version + index + 1,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      metadata: event.metadata,
      occurredAt: event.occurredAt,
      recordedAt,
      prevHash,
    };
    const hash = computeEventHash(hashable);
    prevHash = hash;
    return { ...hashable, hash };
  });
}

/**
 * Idempotent-retry check against events already stored in the stream (found through the id
 * index or by reading the stream tail). Returns the stored events when every id is stored,
 * consecutively, in order, with the same types; null when none is; else DuplicateEventIdError.
 */
export function matchRetry(streamId: string, events: readonly NewEvent[], stored: readonly RecordedEvent[]): RecordedEvent[] | null {
  const byId = new Map(stored.map((event) => [event.id, event]));
  if (!events.some((event) => byId.has(event.id))) return null;
  const first = byId.get(events[0].id);
  if (!first) throw new DuplicateEventIdError(events.find((event) => byId.has(event.id))!.id);
  return events.map((event, index) => {
    const match = byId.get(event.id);
    const same = match?.streamId === streamId && match.version === first.version + index && match.type === event.type;
    if (!same) throw new DuplicateEventIdError(event.id);
    return match;
  });
}
