import { createHash } from 'node:crypto';
import { Transform, type Readable, type TransformCallback } from 'node:stream';

/** The SHA-256 (lower-case hex) of everything the stream yields. */
export async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Raised by verifyingStream when the bytes do not hash to the expected sha256. */
export class EvidenceChangedError extends Error {
  constructor(readonly expected: string, readonly actual: string) {
    super(`evidence bytes changed while being served (expected sha256 ${expected}, got ${actual})`);
    this.name = 'EvidenceChangedError';
  }
}

/**
 * Passes the bytes through while hashing them, holding back the latest chunk until the next
 * one (or the end) arrives. Rule: on a hash mismatch the stream fails before releasing its
 * last chunk, so a reader never receives a complete file other than the one named by the hash.
 */
export function verifyingStream(expected: string): Transform {
  const hash = createHash('sha256');
  let held: Buffer | undefined;
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      hash.update(chunk);
      const previous = held;
      held = chunk;
      done(null, previous);
    },
    flush(done: TransformCallback) {
      const actual = hash.digest('hex');
      if (actual !== expected) return done(new EvidenceChangedError(expected, actual));
      done(null, held);
    },
  });
}
