import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from '../config';
import { s3StoreOptions, type S3StoreOptions } from './s3-store-options';

export type EvidenceStoreOptions = { kind: 'local'; directory: string } | S3StoreOptions;

export interface EvidenceOptions {
  /** Largest accepted file in bytes (EVIDENCE_MAX_BYTES, default 10 MiB). */
  maxBytes: number;
  /** Where the bytes live (EVIDENCE_STORE: `local`, the default, or `s3`). */
  store: EvidenceStoreOptions;
}

export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Reads EVIDENCE_* (and S3_* when EVIDENCE_STORE=s3) from the environment. Any bad value
 * stops the boot with a ConfigError listing every bad variable by name.
 */
export function evidenceOptions(env: NodeJS.ProcessEnv, dataDir: string): EvidenceOptions {
  const issues: string[] = [];
  const rawMax = env.EVIDENCE_MAX_BYTES?.trim();
  const maxBytes = rawMax ? Number(rawMax) : DEFAULT_EVIDENCE_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    issues.push(`EVIDENCE_MAX_BYTES must be a positive whole number of bytes (got '${rawMax}')`);
  }
  const kind = env.EVIDENCE_STORE?.trim() || 'local';
  let store: EvidenceStoreOptions | undefined;
  if (kind === 'local') {
    const dir = env.EVIDENCE_DIR?.trim();
    store = { kind, directory: dir ? (isAbsolute(dir) ? dir : resolve(dir)) : join(dataDir, 'evidence') };
  } else if (kind === 's3') {
    store = s3StoreOptions(env, issues);
  } else {
    issues.push(`EVIDENCE_STORE must be one of local, s3 (got '${kind}')`);
  }
  if (issues.length > 0 || !store) throw new ConfigError(issues);
  return { maxBytes, store };
}
