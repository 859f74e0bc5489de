import type { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * Column list every event read selects; matches EventRow. Some aliases shadow column names with
 * text values: ORDER BY must use qualified names (events.global_position), or it sorts text.
 */
export const EVENT_COLUMNS = `
  global_position::text AS global_position, transaction_id::text AS transaction_id,
  event_id::text AS event_id, stream_id, version, type, schema_version, data, metadata,
  occurred_at, recorded_at, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const globalPosition = BigInt(row.global_position);
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    version: row.version,
    globalPosition,
    logPosition: { commit: BigInt(row.transaction_id), prepare: globalPosition },
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const DIGIT_0 = 48;

/** Digits of `text` from `start` to `end` (exclusive) as a number; NaN when one is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - DIGIT_0;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * PostgreSQL's ISO text form of a timestamptz ("2026-03-04 05:06:07.123456+07", "+05:30",
 * fraction optional) parsed by position, without the general parser's regular expression; the
 * same instant (millisecond precision, sub-milliseconds truncated) as pg's default parser.
 * Null for anything else (years beyond 9999, BC, infinity…): the caller falls back.
 */
export function parseIsoTimestamptz(text: string): Date | null {
  if (text.length < 22 || text.charCodeAt(4) !== 45 || text.charCodeAt(10) !== 32) return null;
  let i = 19;
  let ms = 0;
  if (text.charCodeAt(i) === 46) {
    const start = ++i;
    while (i < text.length && text.charCodeAt(i) >= DIGIT_0 && text.charCodeAt(i) <= DIGIT_0 + 9) i++;
    const fraction = text.slice(start, Math.min(i, start + 3)).padEnd(3, '0');
    ms = digits(fraction, 0, 3);
  }
  const sign = text.charCodeAt(i) === 43 ? 1 : text.charCodeAt(i) === 45 ? -1 : 0;
  const rest = text.length - i - 1;
  if (sign === 0 || (rest !== 2 && rest !== 5 && rest !== 8)) return null;
  let offset = digits(text, i + 1, i + 3) * 60;
  if (rest >= 5) offset += digits(text, i + 4, i + 6);
  if (rest === 8) offset += digits(text, i + 7, i + 9) / 60;
  const year = digits(text, 0, 4);
  if (!(year >= 100)) return null; // Date.UTC maps years 0–99 to 1900–1999
  const utc = Date.UTC(year, digits(text, 5, 7) - 1, digits(text, 8, 10),
    digits(text, 11, 13), digits(text, 14, 16), digits(text, 17, 19), ms) - sign * offset * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}
