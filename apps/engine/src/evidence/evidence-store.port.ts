import type { Readable } from 'node:stream';

/** What is kept about a stored file besides its bytes. Content-addressed: the key is sha256. */
export interface StoredEvidenceMeta {
  /** 64 lower-case hex characters: SHA-256 of the bytes. */
  sha256: string;
  size: number;
  mediaType: string;
  /** The name the file had when first stored (a later upload of the same bytes keeps it). */
  name: string;
}

/**
 * Evidence storage port. Invariants: put is idempotent (same bytes → same key, the first
 * metadata wins); open returns the bytes as stored, unverified — callers check the hash.
 * Adapters: LocalEvidenceStore (DATA_DIR/evidence). An S3-compatible adapter implements the
 * same three methods over PUT/GET/HEAD of `<bucket>/<sha256>`.
 */
export interface EvidenceStore {
  put(bytes: Buffer, meta: StoredEvidenceMeta): Promise<StoredEvidenceMeta>;
  /** null when no file has that hash. */
  stat(sha256: string): Promise<StoredEvidenceMeta | null>;
  open(sha256: string): Promise<Readable>;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');
export const EVIDENCE_OPTIONS = Symbol('EVIDENCE_OPTIONS');
