import { createHash, randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EvidenceStore, StoredEvidenceMeta } from './evidence-store.port';
import { sha256Of } from './verified-stream';

/** What an adapter's spec hands to the contract suite. */
export interface EvidenceStoreUnderTest {
  store: EvidenceStore;
  /** Replaces the stored bytes of `sha256` behind the store's back (tampering, bit rot), keeping its metadata. */
  corrupt(sha256: string, bytes: Buffer): Promise<void>;
  /** A store of the same kind whose ping must fail (missing bucket, unusable directory). */
  unreachable: EvidenceStore;
  teardown(): Promise<void>;
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** Distinct bytes per call: a PDF signature then random bytes. */
const fileOf = (size = 64) => Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(Math.max(0, size - 9))]);
const metaOf = (bytes: Buffer, name = 'biên bản kiểm tra.pdf', mediaType = 'application/pdf'): StoredEvidenceMeta => ({ sha256: sha(bytes), size: bytes.length, mediaType, name });

async function chunksOf(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

/**
 * The EvidenceStore contract: every adapter (local disk, S3-compatible) must pass it.
 * `start` is called once per suite; tests use distinct bytes, so they never collide.
 */
export function describeEvidenceStoreContract(name: string, start: () => Promise<EvidenceStoreUnderTest>): void {
  describe(`EvidenceStore contract: ${name}`, () => {
    let subject: EvidenceStoreUnderTest;
    let store: EvidenceStore;

    beforeAll(async () => {
      subject = await start();
      store = subject.store;
    }, 180_000); // a container adapter may pull its image first
    afterAll(async () => {
      await subject?.store.close();
      await subject?.unreachable.close();
      await subject?.teardown();
    });

    it('answers null for a hash it does not hold', async () => {
      expect(await store.stat(sha(fileOf()))).toBeNull();
    });

    it('stores bytes under their sha256 and answers their metadata, Vietnamese name included', async () => {
      const bytes = fileOf();
      const meta = metaOf(bytes, `Ảnh "quầy" 100% đúng #1.pdf`);
      expect(await store.put(bytes, meta)).toEqual(meta);
      expect(await store.stat(meta.sha256)).toEqual(meta);
      expect(Buffer.concat(await chunksOf(await store.open(meta.sha256)))).toEqual(bytes);
    });

    it('is idempotent: a put of a stored hash writes nothing and the first metadata wins', async () => {
      const bytes = fileOf();
      const first = metaOf(bytes, 'first.pdf');
      await store.put(bytes, first);
      expect(await store.put(bytes, { ...first, name: 'second.pdf', mediaType: 'image/png' })).toEqual(first);
      expect(await store.stat(first.sha256)).toEqual(first);
    });

    it('settles concurrent puts of the same bytes on one stored file', async () => {
      const bytes = fileOf(2048);
      const puts = await Promise.all(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf'].map((n) => store.put(bytes, metaOf(bytes, n))));
      const stored = await store.stat(sha(bytes));
      expect(stored).toMatchObject({ sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf' });
      expect(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']).toContain(stored!.name);
      for (const put of puts) expect(put).toMatchObject({ sha256: sha(bytes), size: bytes.length });
      expect(await sha256Of(await store.open(sha(bytes)))).toBe(sha(bytes));
    });

    it('keeps different files apart', async () => {
      const files = [fileOf(), fileOf(), fileOf()];
      await Promise.all(files.map((bytes, i) => store.put(bytes, metaOf(bytes, `${i}.pdf`))));
      for (const [i, bytes] of files.entries()) {
        expect((await store.stat(sha(bytes)))?.name).toBe(`${i}.pdf`);
        expect(await sha256Of(await store.open(sha(bytes)))).toBe(sha(bytes));
      }
    });

    it('streams a large file back in several chunks, byte for byte', async () => {
      const bytes = fileOf(3 * 1024 * 1024 + 7);
      await store.put(bytes, metaOf(bytes, 'large.pdf'));
      expect((await store.stat(sha(bytes)))?.size).toBe(bytes.length);
      const chunks = await chunksOf(await store.open(sha(bytes)));
      expect(chunks.length).toBeGreaterThan(1);
      expect(sha(Buffer.concat(chunks))).toBe(sha(bytes));
    });

    it('opens the bytes as stored, unverified, so that the caller detects tampering', async () => {
      const bytes = fileOf();
      const meta = metaOf(bytes, 'tampered.pdf');
      await store.put(bytes, meta);
      const forged = Buffer.from('%PDF-1.4 forged');
      await subject.corrupt(meta.sha256, forged);
      expect(await store.stat(meta.sha256)).toMatchObject({ sha256: meta.sha256, name: 'tampered.pdf' });
      const served = await sha256Of(await store.open(meta.sha256));
      expect(served).toBe(sha(forged));
      expect(served).not.toBe(meta.sha256);
    });

    it('pings when reachable and rejects with the reason when not', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await expect(subject.unreachable.ping()).rejects.toThrow(/\S/);
    });
  });
}
