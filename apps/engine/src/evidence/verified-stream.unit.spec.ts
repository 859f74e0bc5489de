import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { EvidenceChangedError, sha256Of, verifyingStream } from './verified-stream';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const chunks = [Buffer.from('%PDF-1.4 '), Buffer.from('part two '), Buffer.from('the end')];

/** Reads a stream through verifyingStream: what came out, and the error if any. */
async function through(expected: string): Promise<{ out: Buffer; error?: unknown }> {
  const received: Buffer[] = [];
  try {
    for await (const chunk of Readable.from(chunks).pipe(verifyingStream(expected))) received.push(chunk as Buffer);
    return { out: Buffer.concat(received) };
  } catch (error) {
    return { out: Buffer.concat(received), error };
  }
}

describe('verified streams', () => {
  const whole = Buffer.concat(chunks);

  it('sha256Of hashes everything the stream yields', async () => {
    expect(await sha256Of(Readable.from(chunks))).toBe(sha(whole));
  });

  it('verifyingStream passes the bytes through unchanged when they match', async () => {
    expect(await through(sha(whole))).toEqual({ out: whole });
  });

  it('verifyingStream fails before releasing the last chunk when they do not', async () => {
    const { out, error } = await through('0'.repeat(64));
    expect(error).toBeInstanceOf(EvidenceChangedError);
    expect(out.length).toBeLessThan(whole.length);
    expect(out).toEqual(whole.subarray(0, out.length));
  });
});
