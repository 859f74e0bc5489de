import type { AllStreamResolvedEvent, Filter, KurrentDBClient, Position, ResolvedEvent } from '@kurrent/kurrentdb-client';
import { LOG_START, type LogPosition, type RecordedEvent } from '../event-store.port';
import { compareLogPositions } from '../log-position';
import { fromResolvedEvent } from './kurrentdb-envelope';

/** KurrentDB's error `type` for a read of a stream that does not exist. */
const STREAM_NOT_FOUND = 'stream-not-found';

export interface StreamSlice {
  /** 0-based revision to start from (version - 1). */
  fromRevision?: bigint;
  maxCount?: number;
  direction?: 'forwards' | 'backwards';
}

/** Events of a stream (ours only), [] when the stream does not exist. */
export async function readStreamSlice(client: KurrentDBClient, streamId: string, slice: StreamSlice = {}): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    const reading = client.readStream(streamId, {
      fromRevision: slice.fromRevision ?? (slice.direction === 'backwards' ? 'end' : 'start'),
      direction: slice.direction ?? 'forwards',
      ...(slice.maxCount !== undefined ? { maxCount: slice.maxCount } : {}),
    });
    for await (const resolved of reading) pushOurs(events, resolved);
  } catch (error) {
    if ((error as { type?: unknown }).type === STREAM_NOT_FOUND) return [];
    throw error;
  }
  return events;
}

/** The last event of a stream, or null when it does not exist. */
export async function readStreamHead(client: KurrentDBClient, streamId: string): Promise<RecordedEvent | null> {
  const [last] = await readStreamSlice(client, streamId, { direction: 'backwards', maxCount: 1 });
  return last ?? null;
}

/** Server-side filter: our event types only, or all non-system ($-prefixed) types. */
export function typeFilter(types?: readonly string[]): Filter {
  const regex = types ? `^(${types.map(escapeRegex).join('|')})$` : '^[^$].*';
  return { filterOn: 'eventType', regex, checkpointInterval: 1 } as Filter;
}

/**
 * $all in log order, strictly after `after` (KurrentDB's fromPosition is inclusive, so the
 * event at `after` itself is dropped here). KurrentDB's log has no gaps: a reader sees an
 * event only once it is committed, and commits are in log order (one leader writes).
 */
export async function readAllAfter(
  client: KurrentDBClient,
  after: LogPosition,
  limit: number | undefined,
  types?: readonly string[],
): Promise<RecordedEvent[]> {
  const fromStart = compareLogPositions(after, LOG_START) === 0;
  const reading = client.readAll({
    fromPosition: fromStart ? 'start' : (after as Position),
    direction: 'forwards',
    filter: typeFilter(types),
    ...(limit !== undefined ? { maxCount: limit + 1 } : {}),
  });
  const events: RecordedEvent[] = [];
  for await (const resolved of reading) {
    const event = fromResolvedEvent(resolved);
    if (event && compareLogPositions(event.logPosition, after) > 0) events.push(event);
    if (limit !== undefined && events.length >= limit) break;
  }
  return events;
}

/** Position of the newest event of ours in $all (optionally of these types); LOG_START when none. */
export async function readHeadPosition(client: KurrentDBClient, types?: readonly string[]): Promise<LogPosition> {
  const reading = client.readAll({ fromPosition: 'end', direction: 'backwards', filter: typeFilter(types), maxCount: 50 });
  for await (const resolved of reading) {
    const event = fromResolvedEvent(resolved);
    if (event) return event.logPosition;
  }
  return LOG_START;
}

function pushOurs(into: RecordedEvent[], resolved: ResolvedEvent | AllStreamResolvedEvent): void {
  const event = fromResolvedEvent(resolved);
  if (event) into.push(event);
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
