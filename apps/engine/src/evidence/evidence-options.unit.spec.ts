import { ConfigError } from '../config';
import { evidenceOptions, type EvidenceOptions } from './evidence-options';

const DATA = '/var/lib/rectify';
const S3 = { EVIDENCE_STORE: 's3', S3_BUCKET: 'rectify-evidence', S3_REGION: 'ap-southeast-1' };

function issuesOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    evidenceOptions(env, DATA);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('evidenceOptions', () => {
  it('defaults to the local store under DATA_DIR/evidence and 10 MiB', () => {
    expect(evidenceOptions({}, DATA)).toEqual<EvidenceOptions>({ maxBytes: 10 * 1024 * 1024, store: { kind: 'local', directory: '/var/lib/rectify/evidence' } });
    expect(evidenceOptions({ EVIDENCE_STORE: 'local', EVIDENCE_DIR: '/srv/evidence', EVIDENCE_MAX_BYTES: '4096' }, DATA)).toEqual({ maxBytes: 4096, store: { kind: 'local', directory: '/srv/evidence' } });
  });

  it('reads an AWS S3 store: region required, virtual-host style, default credential chain', () => {
    expect(evidenceOptions(S3, DATA).store).toEqual({ kind: 's3', region: 'ap-southeast-1', bucket: 'rectify-evidence', forcePathStyle: false, keyPrefix: '' });
    expect(evidenceOptions({ EVIDENCE_STORE: 's3', S3_BUCKET: 'rectify-evidence', AWS_REGION: 'eu-west-1' }, DATA).store).toMatchObject({ region: 'eu-west-1' });
  });

  it('reads an S3-compatible store: endpoint, us-east-1 and path style by default, static keys, prefix', () => {
    const env = { EVIDENCE_STORE: 's3', S3_ENDPOINT: 'http://minio:9000', S3_BUCKET: 'evidence', S3_ACCESS_KEY_ID: 'rectify', S3_SECRET_ACCESS_KEY: 'secret', S3_KEY_PREFIX: '/prod/evidence/' };
    expect(evidenceOptions(env, DATA).store).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'evidence',
      credentials: { accessKeyId: 'rectify', secretAccessKey: 'secret' },
      forcePathStyle: true,
      keyPrefix: 'prod/evidence/',
    });
    expect(evidenceOptions({ ...env, S3_FORCE_PATH_STYLE: 'false' }, DATA).store).toMatchObject({ forcePathStyle: false });
  });

  it('refuses an unknown store and a bad size, naming the variables', () => {
    expect(issuesOf({ EVIDENCE_STORE: 'gcs', EVIDENCE_MAX_BYTES: '-1' })).toEqual([
      "EVIDENCE_MAX_BYTES must be a positive whole number of bytes (got '-1')",
      "EVIDENCE_STORE must be one of local, s3 (got 'gcs')",
    ]);
  });

  it('refuses an incomplete or malformed S3 configuration, one issue per variable', () => {
    expect(issuesOf({ EVIDENCE_STORE: 's3' })).toEqual([
      'S3_BUCKET is required when EVIDENCE_STORE=s3',
      "S3_REGION is required when EVIDENCE_STORE=s3 without S3_ENDPOINT (the bucket's AWS region, e.g. ap-southeast-1)",
    ]);
    const issues = issuesOf({
      EVIDENCE_STORE: 's3',
      S3_ENDPOINT: 'minio:9000',
      S3_BUCKET: 'Evidence_Files',
      S3_REGION: 'us east',
      S3_ACCESS_KEY_ID: 'only-the-id',
      S3_FORCE_PATH_STYLE: 'yes',
      S3_KEY_PREFIX: 'a/../b',
    });
    for (const name of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE', 'S3_KEY_PREFIX']) {
      expect(issues).toContainEqual(expect.stringMatching(new RegExp(`^${name} `)));
    }
    expect(issuesOf({ ...S3, S3_SECRET_ACCESS_KEY: 'only-the-secret' })).toEqual(['S3_ACCESS_KEY_ID is required when S3_SECRET_ACCESS_KEY is set']);
  });

  it('applies the S3 bucket naming rules (3-63 characters, not an IP address)', () => {
    for (const bucket of ['ab', 'a'.repeat(64), '192.168.0.1', '-evidence', 'evidence-', 'evi..dence']) {
      expect(issuesOf({ ...S3, S3_BUCKET: bucket })).toEqual([expect.stringMatching(/^S3_BUCKET must be a bucket name/)]);
    }
    for (const bucket of ['abc', 'a'.repeat(63), 'rectify.evidence-2026']) expect(evidenceOptions({ ...S3, S3_BUCKET: bucket }, DATA).store).toMatchObject({ bucket });
  });
});
