import { hash } from 'node:crypto';
import { canonicalParsedJson } from './canonical-parsed-json';
import { canonicalFromJsonbText } from './jsonb-text-canonical';

/**
 * An event's hashed fields as the verifier reads them from a binary COPY: texts as latin1
 * strings of their UTF-8 bytes (one char per byte: no UTF-8 decoding, and writing them back
 * as latin1 gives the very bytes), times in milliseconds since 1970 (truncated microseconds).
 */
export interface RawEventFields {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  /** jsonb text (latin1 of its UTF-8). */
  data: string;
  metadata: string;
  occurredAtMs: number;
  recordedAtMs: number;
}

/**
 * The event's hash input (latin1 of its UTF-8), built directly in canonical form: the
 * top-level keys of the event store's canonicalEventJson in sorted order (data, id, metadata,
 * occurredAt, recordedAt, schemaVersion, streamId, type, version); data and metadata
 * canonicalised from their jsonb text; times as Date#toISOString() writes them. JSON.stringify
 * of a latin1 string escapes exactly the bytes it escapes in the real string (", \\ and
 * controls are ASCII; UTF-8 continuation bytes are never below 0x80). Must equal
 * canonicalEventJson byte for byte (event-canonical.unit.spec.ts and the int spec check it).
 */
export function canonicalEventLatin1(e: RawEventFields): string {
  return `{"data":${canonicalJsonbLatin1(e.data)},"id":${JSON.stringify(e.eventId)},"metadata":${canonicalJsonbLatin1(e.metadata)},`
    + `"occurredAt":${isoTimeMs(e.occurredAtMs)},"recordedAt":${isoTimeMs(e.recordedAtMs)},`
    + `"schemaVersion":${JSON.stringify(e.schemaVersion)},"streamId":${JSON.stringify(e.streamId)},`
    + `"type":${JSON.stringify(e.type)},"version":${JSON.stringify(e.version)}}`;
}

/** Bytes from 0xEE on lead UTF-8 sequences of U+E000 and beyond, where byte order stops being UTF-16 order. */
const BEYOND_BYTE_ORDER = /[\xee-\xff]/;

/**
 * Canonical JSON of jsonb text given as latin1 of its UTF-8. Without bytes from 0xEE on,
 * comparing keys byte by byte is comparing their UTF-16 code units, so the text canonicaliser
 * runs on the latin1 string as is; otherwise (or outside its fast path) the text is decoded,
 * canonicalised and encoded back.
 */
function canonicalJsonbLatin1(latin1: string): string {
  if (!BEYOND_BYTE_ORDER.test(latin1)) {
    const fast = canonicalFromJsonbText(latin1);
    if (fast !== null) return fast;
  }
  const text = Buffer.from(latin1, 'latin1').toString('utf8');
  const canonical = canonicalFromJsonbText(text) ?? canonicalParsedJson(JSON.parse(text));
  return Buffer.from(canonical, 'utf8').toString('latin1');
}

/**
 * JSON string of the time as toISOString() writes it, from milliseconds since 1970. The date part is cached per day and the time of day written by
 * arithmetic: a Date and its toISOString() per time cost more than the hash. A time no Date
 * can hold ('infinity', beyond ±275,760 years) yields a text no canonical event has, so its
 * hash cannot match.
 */
export function isoTimeMs(ms: number): string {
  const day = Math.floor(ms / DAY_MS);
  if (day !== cachedDay) {
    const date = new Date(day * DAY_MS);
    if (Number.isNaN(date.getTime())) return `"unrepresentable time ${ms}"`;
    cachedDay = day;
    cachedDate = `"${date.toISOString().slice(0, -13)}`; // '"YYYY-MM-DDT' (or '"+YYYYYY-MM-DDT')
  }
  let rest = ms - day * DAY_MS;
  const milli = rest % 1000;
  rest = (rest - milli) / 1000;
  const second = rest % 60;
  rest = (rest - second) / 60;
  const minute = rest % 60;
  const hour = (rest - minute) / 60;
  return `${cachedDate}${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${THREE[milli]}Z"`;
}

const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
let cachedDay = Number.NaN;
let cachedDate = '';

/** sha256(prev_hash ‖ canonical bytes) through one reused buffer (no per-event hash object). */
export class EventHasher {
  private buffer = Buffer.allocUnsafe(64 * 1024);

  /** The hash as a latin1 string of its 32 bytes; `prevHash` is taken from `source` at `prevAt`. */
  latin1Hash(source: Buffer, prevAt: number, canonicalLatin1: string): string {
    if (32 + canonicalLatin1.length > this.buffer.length) this.buffer = Buffer.allocUnsafe(2 * (32 + canonicalLatin1.length));
    source.copy(this.buffer, 0, prevAt, prevAt + 32);
    const length = this.buffer.write(canonicalLatin1, 32, 'latin1');
    return hash('sha256', this.buffer.subarray(0, 32 + length), 'binary');
  }
}
