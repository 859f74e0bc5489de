import { createHash } from 'node:crypto';
import type { Queryable } from '@rectify/event-store';
import { canonicalParsedJson } from './canonical-parsed-json';
import { IssueCollector, type VerificationIssue } from './verification.types';

/** Rows per FETCH from a server-side cursor. */
const FETCH = 10_000;

/** Events whose global position is in [from, to) (to null: unbounded). */
export interface PositionRange {
  from: string;
  to: string | null;
}

export interface PassResult {
  events: number;
  streams: number;
  issueCount: number;
  /** The first issues found (at most 1000, as IssueCollector keeps them). */
  issues: VerificationIssue[];
}

interface ContentRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  occurred_at: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

/** Times as Date#toISOString() writes them (UTC, milliseconds truncated), straight from SQL. */
const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column}`;

/**
 * Content check of the events in one range of global positions (read in physical order
 * through a server-side cursor): each event's hash recomputed from its content and its stored
 * prev_hash must equal its stored hash, else `content-changed`. Order-independent, so the
 * log can be split into ranges hashed in parallel; the chain links are checked by
 * verifyStreamLinks. `db` must be one connection (the cursor lives in its transaction).
 */
export async function verifyContentRange(db: Queryable, range: PositionRange, onProgress?: (events: number) => void, small = false): Promise<PassResult> {
  const issues = new IssueCollector();
  let events = 0;
  await inCursor(db, 'audit_verify_content',
    `SELECT global_position::text, event_id::text, stream_id, version, type, schema_version, data, metadata,
            ${ISO('occurred_at')}, ${ISO('recorded_at')}, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
       FROM events WHERE global_position >= $1::bigint AND ($2::bigint IS NULL OR global_position < $2::bigint)
      ORDER BY global_position`,
    [range.from, range.to],
    (rows: ContentRow[]) => {
      for (const row of rows) {
        const recomputed = createHash('sha256').update(Buffer.from(row.prev_hash, 'hex')).update(canonicalRowJson(row), 'utf8').digest('hex');
        if (recomputed !== row.hash) {
          issues.add({ kind: 'content-changed', position: row.global_position, streamId: row.stream_id, version: row.version, eventId: row.event_id,
            detail: `stored hash ${row.hash} ≠ recomputed ${recomputed}: data, metadata, type, ids or times changed` });
        }
      }
      events += rows.length;
      onProgress?.(rows.length);
    }, [], small);
  return { events, streams: 0, issueCount: issues.count, issues: issues.sorted() };
}

/**
 * The event's hash input, built directly in canonical form: the top-level keys of
 * canonicalEventJson in sorted order (data, id, metadata, occurredAt, recordedAt,
 * schemaVersion, streamId, type, version); data and metadata through canonicalParsedJson.
 * Must equal canonicalEventJson byte for byte (stream-range.unit.spec.ts checks it).
 */
export function canonicalRowJson(row: Omit<ContentRow, 'global_position' | 'prev_hash' | 'hash'>): string {
  return `{"data":${canonicalParsedJson(row.data)},"id":${JSON.stringify(row.event_id)},"metadata":${canonicalParsedJson(row.metadata)},`
    + `"occurredAt":${JSON.stringify(row.occurred_at)},"recordedAt":${JSON.stringify(row.recorded_at)},`
    + `"schemaVersion":${canonicalParsedJson(row.schema_version)},"streamId":${JSON.stringify(row.stream_id)},`
    + `"type":${JSON.stringify(row.type)},"version":${canonicalParsedJson(row.version)}}`;
}

/**
 * Runs `query` as a server-side cursor in a read-only transaction and hands over FETCH rows at
 * a time; for a small store (`small`) as one plain query (one round trip).
 */
export async function inCursor<R>(db: Queryable, name: string, query: string, params: unknown[], onRows: (rows: R[]) => void, setup: string[] = [], small = false): Promise<void> {
  if (small) {
    onRows((await db.query<R & object>(query, params)).rows);
    return;
  }
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const statement of setup) await db.query(statement);
    await db.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query}`, params);
    for (;;) {
      const { rows } = await db.query<R & object>(`FETCH ${FETCH} FROM ${name}`);
      onRows(rows);
      if (rows.length < FETCH) break;
    }
  } finally {
    await db.query('COMMIT');
  }
}
