import { DuplicateEventIdError } from '../errors';
import type { NewEvent, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, type EventRow, toRecordedEvent } from './event-row.mapper';
import type { Queryable } from './event-reads';

/**
 * Detects an idempotent retry. Returns the stored events when every given id is already
 * stored in this stream, consecutively, in the given order and with the same types; null when
 * none of the ids is stored. Anything in between is not a retry: DuplicateEventIdError.
 * Expects lower-case ids (see normaliseEventId) and runs after the stream head is locked,
 * so a concurrent identical append has either committed (seen here) or not started.
 */
export async function findIdempotentRetry(
  db: Queryable,
  streamId: string,
  events: readonly NewEvent[],
): Promise<RecordedEvent[] | null> {
  const ids = events.map((event) => event.id);
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE event_id = ANY($1::uuid[])`,
    [ids],
  );
  return matchIdempotentRetry(streamId, events, rows.map(toRecordedEvent));
}

/**
 * The rule of findIdempotentRetry over the stored events that carry any of the given ids:
 * null when there are none, the stored events when they are exactly this append, else
 * DuplicateEventIdError.
 */
export function matchIdempotentRetry(
  streamId: string,
  events: readonly NewEvent[],
  storedEvents: readonly RecordedEvent[],
): RecordedEvent[] | null {
  if (storedEvents.length === 0) return null;
  const ids = events.map((event) => event.id);
  const stored = new Map(storedEvents.map((event) => [event.id, event]));
  const first = stored.get(ids[0]);
  if (!first) throw new DuplicateEventIdError(ids.find((id) => stored.has(id)) ?? ids[0]);
  return events.map((event, index) => {
    const match = stored.get(event.id);
    const same = match?.streamId === streamId && match.version === first.version + index && match.type === event.type;
    if (!same) throw new DuplicateEventIdError(event.id);
    return match;
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Canonical lower-case uuid (as PostgreSQL returns it), so the hash recomputes after a read. */
export function normaliseEventId(id: string): string {
  if (!UUID.test(id)) throw new TypeError(`Event id must be a uuid, got "${id}"`);
  return id.toLowerCase();
}

/** Rejects a batch that names the same event id twice. */
export function assertDistinctIds(events: readonly NewEvent[]): void {
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) throw new DuplicateEventIdError(event.id);
    seen.add(event.id);
  }
}
