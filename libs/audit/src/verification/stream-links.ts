import type { Queryable } from '@rectify/event-store';
import { inCursor } from './read-cursor';
import { GENESIS_HASH, type PassResult } from './stream-range';
import { IssueCollector } from './verification.types';

interface LinkRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  prev_hash: string;
  hash: string;
}

interface StreamCursor {
  streamId: string;
  version: number;
  hash: string;
  position: bigint;
  head: { version: number; lastHash: string } | undefined;
  reportedBeyondHead: boolean;
}

/**
 * Every stream's chain links, stream by stream in version order: each prev_hash against the
 * predecessor's stored hash, versions 1, 2, 3… without gaps, positions rising with versions,
 * and the streams table's head. Reads only the narrow columns, sorted by PostgreSQL in memory
 * (byte order of stream ids: a sequential scan and one sort instead of an index walk with a
 * random heap read per stream), in one snapshot with the stream heads. The hashes themselves
 * are recomputed by verifyStreamRange; verifyStreams runs this walk only when some stream is
 * not exactly as the store appends it. `snapshot`: an exported snapshot to read in.
 */
export async function verifyStreamLinks(db: Queryable, snapshot: string | null, small = false): Promise<PassResult> {
  const issues = new IssueCollector();
  const heads = new Map<string, { version: number; lastHash: string }>();
  const seen = new Set<string>();
  let cursor = null as StreamCursor | null;
  let events = 0;
  await inCursor(db, 'audit_verify_links',
    `SELECT global_position::text, event_id::text, stream_id, version, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash
       FROM events ORDER BY stream_id COLLATE "C", version`,
    [],
    (rows: LinkRow[]) => {
      for (const row of rows) {
        if (cursor?.streamId !== row.stream_id) {
          if (cursor) finishStream(cursor, issues);
          seen.add(row.stream_id);
          cursor = { streamId: row.stream_id, version: 0, hash: GENESIS_HASH, position: 0n, head: heads.get(row.stream_id), reportedBeyondHead: false };
        }
        checkLink(cursor, row, issues);
      }
      events += rows.length;
    },
    {
      small,
      setup: [
        ...(snapshot ? [{ sql: `SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'` }] : []),
        { sql: `SET LOCAL work_mem = '256MB'` },
        { sql: `SELECT stream_id, version, encode(last_hash, 'hex') AS last_hash FROM streams`,
          onRows: (rows: Array<{ stream_id: string; version: number; last_hash: string }>) => {
            for (const r of rows) heads.set(r.stream_id, { version: r.version, lastHash: r.last_hash });
          } },
      ],
    });
  if (cursor) finishStream(cursor, issues);
  for (const [streamId, head] of heads) {
    if (!seen.has(streamId) && head.version > 0) {
      issues.add({ kind: 'event-missing', position: null, streamId, detail: `stream ${streamId} has head version ${head.version} but no events (all deleted)` });
    }
  }
  return { events, streams: seen.size, issueCount: issues.count, issues: issues.sorted() };
}

function checkLink(cursor: StreamCursor, row: LinkRow, issues: IssueCollector): void {
  const position = BigInt(row.global_position);
  const at = { position: row.global_position, streamId: row.stream_id, version: row.version, eventId: row.event_id };
  const expected = cursor.version + 1;
  if (row.version > expected) {
    const missing = row.version - 1 === expected ? `version ${expected}` : `versions ${expected}–${row.version - 1}`;
    issues.add({ kind: 'event-missing', ...at, detail: `${missing} of stream ${row.stream_id} missing before this event (deleted)` });
  } else if (row.prev_hash !== cursor.hash) {
    issues.add({ kind: 'chain-link-broken', ...at, detail: `prev_hash ${row.prev_hash} is not the hash of version ${cursor.version} (${cursor.hash})` });
  }
  if (position <= cursor.position) {
    issues.add({ kind: 'event-reordered', ...at, detail: `global position ${position} is not after version ${cursor.version}'s position ${cursor.position}` });
  }
  if (cursor.head && row.version > cursor.head.version && !cursor.reportedBeyondHead) {
    cursor.reportedBeyondHead = true;
    issues.add({ kind: 'event-inserted', ...at, detail: `stream head is at version ${cursor.head.version}; this event lies beyond it` });
  }
  if (!cursor.head && !cursor.reportedBeyondHead) {
    cursor.reportedBeyondHead = true;
    issues.add({ kind: 'event-inserted', ...at, detail: `stream ${row.stream_id} has no head row: its events were not appended by the store` });
  }
  cursor.version = row.version;
  cursor.hash = row.hash;
  cursor.position = position;
}

function finishStream(cursor: StreamCursor, issues: IssueCollector): void {
  const head = cursor.head;
  if (!head) return;
  const at = { position: cursor.position.toString(), streamId: cursor.streamId, version: cursor.version };
  if (head.version > cursor.version) {
    // The deleted events' positions are not known here (the witness pass names them when witnessed).
    issues.add({ kind: 'event-missing', position: null, streamId: cursor.streamId, version: cursor.version + 1,
      detail: `stream head is at version ${head.version}; events end at ${cursor.version} (position ${cursor.position}): later versions deleted` });
  } else if (head.version === cursor.version && head.lastHash !== cursor.hash) {
    issues.add({ kind: 'stream-head-mismatch', ...at, detail: `stream head's last hash ${head.lastHash} ≠ last event's hash ${cursor.hash}` });
  }
}
