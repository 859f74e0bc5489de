import type { ClientBase } from 'pg';
import { submitCopy } from '../pg-copy-submittable';

/** The 11-byte signature that opens COPY's binary format. */
const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/** One tuple of a binary COPY: its fields' offsets and lengths (-1: NULL) in `buffer`, valid only during the call. */
export interface BinaryTuple {
  buffer: Buffer;
  starts: Int32Array;
  lengths: Int32Array;
}

/**
 * Runs `COPY (query) TO STDOUT (FORMAT binary)` on `client` and hands every tuple to
 * `onTuple`, synchronously, as it arrives: raw field bytes, no text decoding or per-row
 * objects (for the verifier, the driver's row parsing cost more than hashing). `sql` is the
 * whole COPY statement (COPY takes no bind parameters).
 */
export function copyBinaryOut(client: ClientBase, sql: string, fields: number, onTuple: (tuple: BinaryTuple) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new BinaryCopyParser(fields, onTuple);
    let failure: unknown = null;
    submitCopy(client, sql, {
      handleCopyData: (message) => {
        if (failure) return;
        try {
          parser.push(message.chunk);
        } catch (error) {
          failure = error;
        }
      },
      handleError: (error) => reject(error),
      handleReadyForQuery: () => {
        if (failure) reject(failure);
        else if (!parser.ended) reject(new Error('binary COPY ended without its trailer'));
        else resolve();
      },
    });
  });
}

/** Splits COPY binary data (any chunking) into tuples of `fields` fields. */
class BinaryCopyParser {
  ended = false;
  private pending: Buffer | null = null;
  private headerRead = false;
  private readonly tuple: BinaryTuple;

  constructor(private readonly fields: number, private readonly onTuple: (tuple: BinaryTuple) => void) {
    this.tuple = { buffer: Buffer.alloc(0), starts: new Int32Array(fields), lengths: new Int32Array(fields) };
  }

  push(chunk: Buffer): void {
    const buffer = this.pending ? Buffer.concat([this.pending, chunk]) : chunk;
    let at = 0;
    if (!this.headerRead) {
      if (buffer.length < 19) return this.keep(buffer, 0);
      if (!buffer.subarray(0, 11).equals(SIGNATURE)) throw new Error('binary COPY: bad signature');
      at = 19 + buffer.readUInt32BE(15);
      if (buffer.length < at) return this.keep(buffer, 0);
      this.headerRead = true;
    }
    const { starts, lengths } = this.tuple;
    this.tuple.buffer = buffer;
    while (!this.ended && buffer.length - at >= 2) {
      const count = buffer.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (count !== this.fields) throw new Error(`binary COPY: ${count} fields, expected ${this.fields}`);
      let p = at + 2;
      let complete = true;
      for (let i = 0; i < count; i++) {
        if (buffer.length - p < 4) {
          complete = false;
          break;
        }
        const length = buffer.readInt32BE(p);
        p += 4;
        starts[i] = p;
        lengths[i] = length;
        if (length > 0) {
          if (buffer.length - p < length) {
            complete = false;
            break;
          }
          p += length;
        }
      }
      if (!complete) break;
      this.onTuple(this.tuple);
      at = p;
    }
    this.keep(buffer, at);
  }

  /** Keeps the unparsed rest, copied: the driver reuses the memory of the chunks it hands over. */
  private keep(buffer: Buffer, from: number): void {
    this.pending = from < buffer.length ? Buffer.from(buffer.subarray(from)) : null;
  }
}
