import { HeadObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { describeEvidenceStoreContract } from './evidence-store.contract';
import { AWS_SDK_NODE_WARNING_VARIABLE } from './s3-client.factory';
import { createS3EvidenceStore, type S3EvidenceStore } from './s3-evidence-store';
import { s3StoreUnderTest, startS3rverForTests, type S3ServerForTests } from './s3-for-tests';

/** The contract suite against s3rver (a real S3-compatible HTTP server), objects under `evidence/`. */
describeEvidenceStoreContract('S3EvidenceStore on s3rver', async () => s3StoreUnderTest(await startS3rverForTests('rectify-evidence-contract', 'evidence/')));

describe('S3EvidenceStore specifics (s3rver)', () => {
  let server: S3ServerForTests;
  let store: S3EvidenceStore;
  const bytes = Buffer.from('%PDF-1.4 specifics');
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  beforeAll(async () => {
    server = await startS3rverForTests('rectify-evidence-specifics', 'tenant-a/evidence');
    store = createS3EvidenceStore(server.options);
  });
  afterAll(async () => {
    await store?.close();
    await server?.close();
  });

  it('keeps one object at <prefix>/<sha256> with the media type and the URI-encoded name', async () => {
    await store.put(bytes, { sha256, size: bytes.length, mediaType: 'application/pdf', name: 'Biên bản.pdf' });
    const head = await server.client.send(new HeadObjectCommand({ Bucket: 'rectify-evidence-specifics', Key: `tenant-a/evidence/${sha256}` }));
    expect(head).toMatchObject({ ContentLength: bytes.length, ContentType: 'application/pdf', Metadata: { sha256, name: 'Bi%C3%AAn%20b%E1%BA%A3n.pdf' } });
  });

  it('answers an object stored by another tool: name = its sha256, media type = its Content-Type', async () => {
    const other = Buffer.from('%PDF-1.4 copied in by an operator');
    const otherSha = createHash('sha256').update(other).digest('hex');
    await server.client.send(new PutObjectCommand({ Bucket: 'rectify-evidence-specifics', Key: `tenant-a/evidence/${otherSha}`, Body: other, ContentType: 'application/pdf' }));
    expect(await store.stat(otherSha)).toEqual({ sha256: otherSha, size: other.length, mediaType: 'application/pdf', name: otherSha });
  });

  it('refuses a key that is not a lower-case sha256', async () => {
    await expect(store.stat('../other-tenant/x')).rejects.toThrow(/sha256/);
    await expect(store.stat(sha256.toUpperCase())).rejects.toThrow(/sha256/);
  });

  it('names the reason when the bucket is missing or the credentials are refused', async () => {
    const missing = createS3EvidenceStore({ ...server.options, bucket: 'rectify-missing' });
    await expect(missing.ping()).rejects.toThrow("bucket 'rectify-missing' does not exist");
    const denied = createS3EvidenceStore({ ...server.options, credentials: { accessKeyId: 'WRONG', secretAccessKey: 'WRONG' } });
    await expect(denied.ping()).rejects.toThrow(/access to bucket 'rectify-evidence-specifics' denied/);
    await Promise.all([missing.close(), denied.close()]);
  });

  it("silences the SDK's Node-version warning in-process", () => {
    expect(process.env[AWS_SDK_NODE_WARNING_VARIABLE]).toBe('true');
  });
});
