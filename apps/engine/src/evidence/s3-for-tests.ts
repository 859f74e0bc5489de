import { CreateBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceStoreUnderTest } from './evidence-store.contract';
import { createS3Client } from './s3-client.factory';
import { S3EvidenceStore, createS3EvidenceStore } from './s3-evidence-store';
import { s3StoreOptions, type S3StoreOptions } from './s3-store-options';

/** s3rver ships no types: the part used here. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
type S3rverConstructor = new (options: { port: number; address: string; silent: boolean; directory: string }) => S3rverServer;

/** A running S3-compatible server for tests, with one empty bucket. */
export interface S3ServerForTests {
  /** Store settings pointing at the bucket (path style, static credentials). */
  options: S3StoreOptions;
  /** The same as environment variables (EVIDENCE_STORE=s3, S3_*), for booting the engine. */
  env: Record<string, string>;
  /** A raw client on the server, e.g. to tamper with objects behind the store's back. */
  client: S3Client;
  createBucket(name: string): Promise<void>;
  /** Overwrites an object's bytes, keeping its Content-Type and user metadata. */
  overwrite(bucket: string, key: string, bytes: Buffer, contentType: string, metadata: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/**
 * s3rver (a real S3-compatible HTTP server on the file system) on a free loopback port,
 * credentials S3RVER/S3RVER. Bucket names must be 3-63 characters.
 */
export async function startS3rverForTests(bucket = 'rectify-evidence', keyPrefix = ''): Promise<S3ServerForTests> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped dev dependency
  const S3rver = require('s3rver') as S3rverConstructor;
  const directory = mkdtempSync(join(tmpdir(), 'rectify-s3rver-'));
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
  const { port } = await server.run();
  const env = { S3_ENDPOINT: `http://127.0.0.1:${port}`, S3_BUCKET: bucket, S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER', S3_KEY_PREFIX: keyPrefix };
  return connectS3ForTests(s3OptionsFrom(env), async () => {
    await server.close();
    rmSync(directory, { recursive: true, force: true });
  });
}

/** Settings through the same parsing as the boot (S3_* variables); throws on a bad one. */
export function s3OptionsFrom(env: Record<string, string>): S3StoreOptions {
  const issues: string[] = [];
  const options = s3StoreOptions(env, issues);
  if (!options) throw new Error(issues.join('; '));
  return options;
}

/** Wraps any reachable S3-compatible endpoint (s3rver, a MinIO container): creates the bucket. */
export async function connectS3ForTests(options: S3StoreOptions, stop: () => Promise<void>): Promise<S3ServerForTests> {
  const client = createS3Client(options);
  const createBucket = async (name: string) => void (await client.send(new CreateBucketCommand({ Bucket: name })));
  await createBucket(options.bucket);
  return {
    options,
    env: {
      EVIDENCE_STORE: 's3',
      S3_ENDPOINT: options.endpoint ?? '',
      S3_REGION: options.region,
      S3_BUCKET: options.bucket,
      S3_ACCESS_KEY_ID: options.credentials?.accessKeyId ?? '',
      S3_SECRET_ACCESS_KEY: options.credentials?.secretAccessKey ?? '',
      S3_FORCE_PATH_STYLE: String(options.forcePathStyle),
      S3_KEY_PREFIX: options.keyPrefix,
    },
    client,
    createBucket,
    overwrite: async (bucket, key, bytes, contentType, metadata) =>
      void (await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, Metadata: metadata }))),
    close: async () => {
      client.destroy();
      await stop();
    },
  };
}

/** The contract suite's adapter factory over a test server (s3rver or MinIO). */
export function s3StoreUnderTest(server: S3ServerForTests): EvidenceStoreUnderTest {
  const { options } = server;
  return {
    store: createS3EvidenceStore(options),
    corrupt: async (sha256, bytes) => {
      const key = `${options.keyPrefix}${sha256}`;
      const head = await server.client.send(new HeadObjectCommand({ Bucket: options.bucket, Key: key }));
      await server.overwrite(options.bucket, key, bytes, head.ContentType ?? 'application/octet-stream', head.Metadata ?? {});
    },
    unreachable: new S3EvidenceStore(createS3Client(options), 'rectify-no-such-bucket'),
    teardown: () => server.close(),
  };
}

/** Image of the MinIO the container contract suite runs against (override: MINIO_TEST_IMAGE). */
export const MINIO_TEST_IMAGE = 'minio/minio';

/** A throw-away MinIO (testcontainers) with one bucket. Needs a container runtime (containerRuntimeAvailable). */
export async function startMinioForTests(bucket = 'rectify-evidence', keyPrefix = ''): Promise<S3ServerForTests> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const credentials = { MINIO_ROOT_USER: 'rectify', MINIO_ROOT_PASSWORD: 'rectify-minio-secret' };
  const container = await new GenericContainer(process.env.MINIO_TEST_IMAGE ?? MINIO_TEST_IMAGE)
    .withCommand(['server', '/data'])
    .withEnvironment(credentials)
    .withExposedPorts(9000)
    .withWaitStrategy(Wait.forHttp('/minio/health/live', 9000).forStatusCode(200))
    .start();
  const env = {
    S3_ENDPOINT: `http://${container.getHost()}:${container.getMappedPort(9000)}`,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: credentials.MINIO_ROOT_USER,
    S3_SECRET_ACCESS_KEY: credentials.MINIO_ROOT_PASSWORD,
    S3_KEY_PREFIX: keyPrefix,
  };
  return connectS3ForTests(s3OptionsFrom(env), async () => void (await container.stop()));
}
