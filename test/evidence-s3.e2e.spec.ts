import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { startS3rverForTests, type S3ServerForTests } from '../apps/engine/src/evidence/s3-for-tests';
import { startTestEngine, type TestEngine } from './support/test-engine';

const PROBLEM = /^application\/problem\+json/;
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const BUCKET = 'rectify-evidence-e2e';
const PREFIX = 'evidence/';

/** The engine with EVIDENCE_STORE=s3 against s3rver, a real S3-compatible HTTP server. */
describe('evidence files in an S3-compatible bucket (EVIDENCE_STORE=s3)', () => {
  let s3: S3ServerForTests;
  let engine: TestEngine;
  let inspector: string;

  const upload = (bytes: Buffer, filename: string, contentType: string) =>
    engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${inspector}`).attach('file', bytes, { filename, contentType });
  const download = (hash: string) =>
    engine.http.get(`/api/v1/evidence/${hash}`).set('Authorization', `Bearer ${inspector}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const head = (hash: string) => s3.client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${hash}` }));

  beforeAll(async () => {
    s3 = await startS3rverForTests(BUCKET, PREFIX);
    engine = await startTestEngine({ env: s3.env });
    inspector = await engine.token('inspector', 'inspector-1');
  });

  afterAll(async () => {
    await engine?.close();
    await s3?.close();
  });

  it('/health reports the bucket as a dependency that is up', async () => {
    const response = await engine.http.get('/health').expect(200);
    expect(response.body.status).toBe('ok');
    expect(response.body.dependencies).toEqual([{ name: 'evidence-store', status: 'up', latencyMs: expect.any(Number), target: `s3://${BUCKET}/${PREFIX}` }]);
  });

  it('stores an upload as one object at <prefix><sha256> with its media type and name', async () => {
    const response = await upload(PNG, 'bảng-niêm-yết.png', 'image/png');
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ sha256: sha(PNG), name: 'bảng-niêm-yết.png', size: PNG.length, mediaType: 'image/png', url: `/api/v1/evidence/${sha(PNG)}` });
    const object = await head(sha(PNG));
    expect(object).toMatchObject({ ContentLength: PNG.length, ContentType: 'image/png', Metadata: { sha256: sha(PNG), name: encodeURIComponent('bảng-niêm-yết.png') } });
  });

  it('is idempotent: the same bytes again write nothing, the first name stays', async () => {
    const before = await head(sha(PNG));
    const again = await upload(PNG, 'copy.png', 'image/png');
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ sha256: sha(PNG), name: 'copy.png', size: PNG.length });
    const after = await head(sha(PNG));
    expect(after.Metadata?.name).toBe(encodeURIComponent('bảng-niêm-yết.png'));
    expect(after.LastModified).toEqual(before.LastModified);
    expect(after.ETag).toBe(before.ETag);
  });

  it('streams the file back, byte for byte, after checking its hash', async () => {
    const response = await download(sha(PNG));
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-disposition']).toBe(`inline; filename*=UTF-8''${encodeURIComponent('bảng-niêm-yết.png')}`);
    expect(response.headers.etag).toBe(`"${sha(PNG)}"`);
    expect(response.body).toEqual(PNG);
  });

  it('detects tampering with the object in the bucket: 409 EVIDENCE.HASH_MISMATCH, nothing served', async () => {
    const stored = (await upload(PDF, 'biên-bản.pdf', 'application/pdf')).body;
    const object = await head(stored.sha256);
    await s3.overwrite(BUCKET, `${PREFIX}${stored.sha256}`, Buffer.from('%PDF-1.4 tampered'), 'application/pdf', object.Metadata ?? {});
    const response = await download(stored.sha256);
    expect(response.status).toBe(409);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(JSON.parse((response.body as Buffer).toString('utf8'))).toMatchObject({ code: 'EVIDENCE.HASH_MISMATCH' });
  });

  it('answers 404 for a hash the bucket does not hold', async () => {
    const response = await download('0'.repeat(64));
    expect(response.status).toBe(404);
    expect(JSON.parse((response.body as Buffer).toString('utf8')).code).toBe('EVIDENCE.NOT_FOUND');
  });
});

/** The same engine pointed at a bucket that does not exist: degraded, and uploads refused with 503. */
describe('evidence store unreachable (S3 bucket missing)', () => {
  let s3: S3ServerForTests;
  let engine: TestEngine;

  beforeAll(async () => {
    s3 = await startS3rverForTests('rectify-evidence-present');
    engine = await startTestEngine({ env: { ...s3.env, S3_BUCKET: 'rectify-evidence-missing' } });
  });

  afterAll(async () => {
    await engine?.close();
    await s3?.close();
  });

  it('/health stays 200 but degraded, naming the missing bucket', async () => {
    const response = await engine.http.get('/health').expect(200);
    expect(response.body.status).toBe('degraded');
    expect(response.body.dependencies).toEqual([
      { name: 'evidence-store', status: 'down', latencyMs: expect.any(Number), target: 's3://rectify-evidence-missing/', error: "bucket 'rectify-evidence-missing' does not exist" },
    ]);
  });

  it('answers 503 EVIDENCE.STORE_UNAVAILABLE to uploads and downloads, never a 500', async () => {
    const token = await engine.token('inspector', 'inspector-1');
    const up = await engine.http.post('/api/v1/evidence').set('Authorization', `Bearer ${token}`).attach('file', PNG, { filename: 'x.png', contentType: 'image/png' });
    expect(up.status).toBe(503);
    expect(up.headers['content-type']).toMatch(PROBLEM);
    expect(up.body.code).toBe('EVIDENCE.STORE_UNAVAILABLE');
    const down = await engine.http.get(`/api/v1/evidence/${sha(PNG)}`).set('Authorization', `Bearer ${token}`);
    expect(down.status).toBe(503);
    expect(down.body.code).toBe('EVIDENCE.STORE_UNAVAILABLE');
  });
});
