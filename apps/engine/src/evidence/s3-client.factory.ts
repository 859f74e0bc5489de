import { S3Client } from '@aws-sdk/client-s3';
import type { S3StoreOptions } from './s3-store-options';

/** The variable the AWS SDK reads before its one-time "Node >= 22 required" warning. */
export const AWS_SDK_NODE_WARNING_VARIABLE = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

/**
 * The S3 client of the evidence store.
 * - Node-version warning: @aws-sdk/client-s3 is pinned to 3.1173.0, which supports Node 20;
 *   its NodeVersionSupportWarning is about SDK releases after January 2027, so it is silenced
 *   in-process unless the operator set the variable (e.g. `false` to see it again).
 * - Checksums only when required: SDK ≥ 3.729 adds CRC32 (aws-chunked trailers on streams)
 *   by default, which several S3-compatible stores reject; integrity of the upload rides on
 *   Content-MD5 instead, and downloads are checked against the sha256 by the engine itself.
 */
export function createS3Client(options: S3StoreOptions): S3Client {
  process.env[AWS_SDK_NODE_WARNING_VARIABLE] ??= 'true';
  return new S3Client({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    forcePathStyle: options.forcePathStyle,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 5_000, requestTimeout: 60_000 },
  });
}
