/** Settings of the S3-compatible evidence store (EVIDENCE_STORE=s3). */
export interface S3StoreOptions {
  kind: 's3';
  /** S3_ENDPOINT: an http(s) URL for MinIO, Ceph RGW, Garage…; undefined = AWS S3. */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Both or neither; neither = the SDK's default credential chain (AWS_* env, profile, IMDS, IRSA…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** `<endpoint>/<bucket>/<key>` instead of `<bucket>.<endpoint>/<key>`. */
  forcePathStyle: boolean;
  /** Put before every key: '' or a prefix ending in '/'. Object key = keyPrefix + sha256. */
  keyPrefix: string;
}

/** S3 bucket naming rules: 3–63 of a-z 0-9 . -, starting and ending with a letter or digit, not an IP address. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const IP = /^\d+\.\d+\.\d+\.\d+$/;
const REGION = /^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$/;
const PREFIX = /^[A-Za-z0-9._\-/]{1,512}$/;

/** Reads S3_*; each problem is pushed to `issues` naming its variable. */
export function s3StoreOptions(env: NodeJS.ProcessEnv, issues: string[]): S3StoreOptions | undefined {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const before = issues.length;

  const endpoint = read('S3_ENDPOINT');
  if (endpoint !== undefined && !isHttpUrl(endpoint)) issues.push(`S3_ENDPOINT must be an http(s) URL such as http://127.0.0.1:9000 (got '${endpoint}')`);

  const bucket = read('S3_BUCKET');
  if (bucket === undefined) issues.push('S3_BUCKET is required when EVIDENCE_STORE=s3');
  else if (!BUCKET.test(bucket) || IP.test(bucket) || bucket.includes('..')) {
    issues.push(`S3_BUCKET must be a bucket name of 3-63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit (got '${bucket}')`);
  }

  const region = read('S3_REGION') ?? read('AWS_REGION') ?? (endpoint !== undefined ? 'us-east-1' : undefined);
  if (region === undefined) issues.push('S3_REGION is required when EVIDENCE_STORE=s3 without S3_ENDPOINT (the bucket\'s AWS region, e.g. ap-southeast-1)');
  else if (!REGION.test(region)) issues.push(`S3_REGION must be a region name such as us-east-1 (got '${region}')`);

  const accessKeyId = read('S3_ACCESS_KEY_ID');
  const secretAccessKey = read('S3_SECRET_ACCESS_KEY');
  if (accessKeyId !== undefined && secretAccessKey === undefined) issues.push('S3_SECRET_ACCESS_KEY is required when S3_ACCESS_KEY_ID is set');
  if (accessKeyId === undefined && secretAccessKey !== undefined) issues.push('S3_ACCESS_KEY_ID is required when S3_SECRET_ACCESS_KEY is set');

  const pathStyle = read('S3_FORCE_PATH_STYLE');
  if (pathStyle !== undefined && pathStyle !== 'true' && pathStyle !== 'false') issues.push(`S3_FORCE_PATH_STYLE must be true or false (got '${pathStyle}')`);

  const rawPrefix = read('S3_KEY_PREFIX');
  const trimmedPrefix = rawPrefix?.replace(/^\/+|\/+$/g, '');
  if (rawPrefix !== undefined && (!trimmedPrefix || !PREFIX.test(trimmedPrefix) || trimmedPrefix.split('/').some((part) => part === '' || part === '.' || part === '..'))) {
    issues.push(`S3_KEY_PREFIX must be path segments of letters, digits, '.', '_' and '-' separated by '/' (got '${rawPrefix}')`);
  }

  if (issues.length > before) return undefined;
  return {
    kind: 's3',
    ...(endpoint !== undefined ? { endpoint } : {}),
    region: region!,
    bucket: bucket!,
    ...(accessKeyId !== undefined ? { credentials: { accessKeyId, secretAccessKey: secretAccessKey! } } : {}),
    // Path style by default with a custom endpoint: MinIO/Ceph/s3rver rarely have wildcard DNS for virtual hosts.
    forcePathStyle: pathStyle === undefined ? endpoint !== undefined : pathStyle === 'true',
    keyPrefix: trimmedPrefix ? `${trimmedPrefix}/` : '',
  };
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
