import { isAbsolute, join, resolve } from 'node:path';

export interface EvidenceOptions {
  /** Largest accepted file in bytes (EVIDENCE_MAX_BYTES, default 10 MiB). */
  maxBytes: number;
  /** Directory of the local store (EVIDENCE_DIR, default DATA_DIR/evidence). */
  directory: string;
}

export const DEFAULT_EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Reads EVIDENCE_* from the environment; a bad value stops the boot with the variable's name. */
export function evidenceOptions(env: NodeJS.ProcessEnv, dataDir: string): EvidenceOptions {
  const rawMax = env.EVIDENCE_MAX_BYTES?.trim();
  const maxBytes = rawMax ? Number(rawMax) : DEFAULT_EVIDENCE_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new Error(`EVIDENCE_MAX_BYTES must be a positive whole number of bytes (got '${rawMax}')`);
  }
  const store = env.EVIDENCE_STORE?.trim() || 'local';
  if (store !== 'local') {
    throw new Error(`EVIDENCE_STORE must be 'local' (got '${store}'); the S3-compatible adapter is not built yet`);
  }
  const dir = env.EVIDENCE_DIR?.trim();
  const directory = dir ? (isAbsolute(dir) ? dir : resolve(dir)) : join(dataDir, 'evidence');
  return { maxBytes, directory };
}
