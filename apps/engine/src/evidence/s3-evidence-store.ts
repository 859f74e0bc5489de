import { GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EvidenceStore, StoredEvidenceMeta } from './evidence-store.port';
import { createS3Client } from './s3-client.factory';
import type { S3StoreOptions } from './s3-store-options';

const SHA256 = /^[0-9a-f]{64}$/;
const PING_TIMEOUT_MS = 2_000;

/**
 * Evidence in an S3-compatible bucket: one object per file at `<keyPrefix><sha256>`, its bytes
 * with Content-Type = media type and user metadata `sha256` and `name` (URI-encoded: S3
 * metadata travels in HTTP headers, Vietnamese names do not fit in ASCII). Bytes and metadata
 * go in one PUT, so a reader never sees one without the other.
 * Idempotent put: HEAD first (a stored hash is a no-op answering the stored metadata), then a
 * conditional PUT (If-None-Match: *) so that, of two racing first uploads, the first wins on
 * stores that honour it (AWS S3, MinIO); where the header is ignored, both wrote the same bytes.
 */
export class S3EvidenceStore implements EvidenceStore {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly keyPrefix = '',
  ) {}

  async put(bytes: Buffer, meta: StoredEvidenceMeta): Promise<StoredEvidenceMeta> {
    const existing = await this.head(meta.sha256);
    if (existing) return existing;
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: this.key(meta.sha256),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: meta.mediaType,
          ContentMD5: createHash('md5').update(bytes).digest('base64'), // the store refuses a body damaged in transit
          Metadata: { sha256: meta.sha256, name: encodeURIComponent(meta.name) },
          IfNoneMatch: '*',
        }),
      );
      return meta;
    } catch (error) {
      // 412: another upload of the same bytes got there first; 409: one is in flight (AWS).
      const status = httpStatus(error);
      if (status === 412 || status === 409) return (await this.head(meta.sha256)) ?? meta;
      throw error;
    }
  }

  /** A HEAD answers 404 without a body for a missing key and a missing bucket alike: on a miss the bucket is checked, so a missing bucket is an error, not "no such file". */
  async stat(sha256: string): Promise<StoredEvidenceMeta | null> {
    const meta = await this.head(sha256);
    if (!meta) await this.ping();
    return meta;
  }

  private async head(sha256: string): Promise<StoredEvidenceMeta | null> {
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
      return {
        sha256,
        size: head.ContentLength ?? 0,
        mediaType: head.ContentType ?? 'application/octet-stream',
        name: decodeName(head.Metadata?.name) ?? sha256,
      };
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.key(sha256) }));
    return object.Body as Readable; // Node: an http.IncomingMessage, streamed as it arrives
  }

  /** HEAD of the bucket within 2 s: reachable, exists, and the credentials are accepted. */
  async ping(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), { abortSignal: AbortSignal.timeout(PING_TIMEOUT_MS) });
    } catch (error) {
      throw new Error(pingFailure(error, this.bucket));
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }

  private key(sha256: string): string {
    // Rule: only a sha256 addresses an object, never a caller-made path.
    if (!SHA256.test(sha256)) throw new Error(`not a lower-case sha256: '${sha256}'`);
    return `${this.keyPrefix}${sha256}`;
  }
}

/** The store of EVIDENCE_STORE=s3, with its own client. */
export function createS3EvidenceStore(options: S3StoreOptions): S3EvidenceStore {
  return new S3EvidenceStore(createS3Client(options), options.bucket, options.keyPrefix);
}

function httpStatus(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function decodeName(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function pingFailure(error: unknown, bucket: string): string {
  switch (httpStatus(error)) {
    case 404:
      return `bucket '${bucket}' does not exist`;
    case 403:
      return `access to bucket '${bucket}' denied (check S3_ACCESS_KEY_ID / S3_SECRET_ACCESS_KEY or the credential chain)`;
    case 301:
      return `bucket '${bucket}' is in another region than S3_REGION`;
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return `no answer within ${PING_TIMEOUT_MS} ms`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
