import type { ClientBase } from 'pg';
import { copyBinaryOut, type BinaryTuple } from './copy-binary';
import { EventHasher, canonicalEventLatin1 } from './event-canonical';
import { IssueCollector, type VerificationIssue } from './verification.types';

/** prev_hash of a stream's first event (the event store's GENESIS_HASH). */
export const GENESIS_HASH = '0'.repeat(64);

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

/** Each stream seen in a range: its first and last event there (parallel arrays, cheap to post). */
export interface RangeChains {
  streamIds: string[];
  firstVersions: number[];
  firstPrevHashes: string[];
  lastVersions: number[];
  lastHashes: string[];
}

export interface RangeResult extends PassResult {
  chains: RangeChains;
  /** True when, inside the range, some stream's versions do not run on by one or a prev_hash is not the previous event's hash. */
  linksSuspect: boolean;
}

/** The columns read, in this order (binary COPY field numbers below). */
const COLUMNS = 'global_position, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash';
const [POSITION, EVENT_ID, STREAM_ID, VERSION, TYPE, SCHEMA_VERSION, DATA, METADATA, OCCURRED_AT, RECORDED_AT, PREV_HASH, HASH] = COLUMNS.split(', ').map((_, i) => i);
/** Milliseconds from 1970 to PostgreSQL's epoch, 2000-01-01. */
const PG_EPOCH_MS = 946_684_800_000;
/** GENESIS_HASH as latin1 of its bytes. */
const GENESIS_LATIN1 = '\0'.repeat(32);

/**
 * Checks every event of one range of global positions, in position order through a
 * server-side cursor, in the snapshot `snapshot` (exported by the caller, so that every range
 * and the stream heads are read as of one instant):
 * - its content: the hash recomputed from the content and the stored prev_hash must equal the
 *   stored hash, else `content-changed` at that position;
 * - its stream's links, cheaply: within the range each stream's versions run on by one and
 *   each prev_hash is the previous event's hash, else linksSuspect. The first and last event of
 *   each stream are returned so the caller can join the ranges and compare the stream heads.
 * `db` must be one connection.
 */
export async function verifyStreamRange(
  db: ClientBase,
  range: PositionRange,
  snapshot: string | null,
  onProgress?: (events: number) => void,
): Promise<RangeResult> {
  if (!/^\d+$/.test(range.from) || (range.to !== null && !/^\d+$/.test(range.to))) throw new Error(`bad position range ${range.from}–${range.to}`);
  const issues = new IssueCollector();
  const hasher = new EventHasher();
  // Keys and hashes as latin1 strings of their bytes (converted once, for the result).
  const streams = new Map<string, { firstVersion: number; firstPrevHash: string; version: number; hash: string }>();
  let suspect = false;
  let events = 0;
  const onTuple = ({ buffer: b, starts: at, lengths: length }: BinaryTuple) => {
    const streamId = b.toString('latin1', at[STREAM_ID], at[STREAM_ID] + length[STREAM_ID]);
    const version = b.readInt32BE(at[VERSION]);
    const prev = b.toString('latin1', at[PREV_HASH], at[PREV_HASH] + 32);
    const stored = b.toString('latin1', at[HASH], at[HASH] + 32);
    const canonical = canonicalEventLatin1({
      eventId: uuidText(b, at[EVENT_ID]), streamId, version,
      type: b.toString('latin1', at[TYPE], at[TYPE] + length[TYPE]), schemaVersion: b.readInt32BE(at[SCHEMA_VERSION]),
      data: jsonbText(b, at[DATA], length[DATA]), metadata: jsonbText(b, at[METADATA], length[METADATA]),
      occurredAtMs: timeMs(b, at[OCCURRED_AT]), recordedAtMs: timeMs(b, at[RECORDED_AT]),
    });
    const recomputed = hasher.latin1Hash(b, at[PREV_HASH], canonical);
    if (recomputed !== stored) {
      issues.add({ kind: 'content-changed', position: int64(b, at[POSITION]).toString(), streamId: utf8(streamId), version, eventId: uuidText(b, at[EVENT_ID]),
        detail: `stored hash ${hex(stored)} ≠ recomputed ${hex(recomputed)}: data, metadata, type, ids or times changed` });
    }
    const stream = streams.get(streamId);
    if (stream === undefined) {
      streams.set(streamId, { firstVersion: version, firstPrevHash: prev, version, hash: stored });
    } else {
      if (version !== stream.version + 1 || prev !== stream.hash) suspect = true;
      stream.version = version;
      stream.hash = stored;
    }
    events += 1;
    if (events % 5000 === 0) onProgress?.(5000);
  };
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    if (snapshot) await db.query(`SET TRANSACTION SNAPSHOT '${snapshot.replace(/'/g, '')}'`);
    await copyBinaryOut(db,
      `COPY (SELECT ${COLUMNS} FROM events WHERE global_position >= ${range.from}${range.to === null ? '' : ` AND global_position < ${range.to}`}
              ORDER BY events.global_position) TO STDOUT (FORMAT binary)`,
      12, onTuple);
  } finally {
    await db.query('COMMIT');
  }
  onProgress?.(events % 5000);
  const chains: RangeChains = { streamIds: [], firstVersions: [], firstPrevHashes: [], lastVersions: [], lastHashes: [] };
  for (const [streamId, s] of streams) {
    chains.streamIds.push(utf8(streamId));
    chains.firstVersions.push(s.firstVersion);
    chains.firstPrevHashes.push(s.firstPrevHash === GENESIS_LATIN1 ? GENESIS_HASH : hex(s.firstPrevHash));
    chains.lastVersions.push(s.version);
    chains.lastHashes.push(hex(s.hash));
  }
  return { events, streams: streams.size, issueCount: issues.count, issues: issues.sorted(), chains, linksSuspect: suspect };
}

/** A uuid's 16 bytes as its text form. */
function uuidText(b: Buffer, at: number): string {
  const h = b.toString('hex', at, at + 16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** jsonb's binary form: a version byte (1), then its text. */
function jsonbText(b: Buffer, at: number, length: number): string {
  if (b[at] !== 1) throw new Error(`jsonb binary format version ${b[at]} is not supported`);
  return b.toString('latin1', at + 1, at + length);
}

/** A signed 64-bit integer as a number (exact below 2^53). */
function int64(b: Buffer, at: number): number {
  return b.readInt32BE(at) * 4_294_967_296 + b.readUInt32BE(at + 4);
}

/** timestamptz (microseconds since 2000) as milliseconds since 1970, microseconds truncated as toISOString truncates them. */
function timeMs(b: Buffer, at: number): number {
  return Math.floor(int64(b, at) / 1000) + PG_EPOCH_MS;
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}

function hex(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('hex');
}
