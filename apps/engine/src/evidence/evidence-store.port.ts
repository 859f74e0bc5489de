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
 * metadata wins: a put of a stored hash writes nothing and answers the stored metadata);
 * open returns the bytes as stored, unverified — callers check the hash (verified-stream.ts).
 * The bytes arrive whole: multer holds the upload in memory (≤ EVIDENCE_MAX_BYTES) because
 * the key, the sha256, is known only after the last byte.
 * Adapters: LocalEvidenceStore (DATA_DIR/evidence), S3EvidenceStore (`<bucket>/<prefix><sha256>`).
 * Both pass describeEvidenceStoreContract (evidence-store.contract.ts).
 */
export interface EvidenceStore {
  put(bytes: Buffer, meta: StoredEvidenceMeta): Promise<StoredEvidenceMeta>;
  /** null when no file has that hash. */
  stat(sha256: string): Promise<StoredEvidenceMeta | null>;
  /** The stored bytes as a stream; call after stat answered non-null. */
  open(sha256: string): Promise<Readable>;
  /** Resolves when the store can be read and written now; rejects with the reason (readiness). */
  ping(): Promise<void>;
  /** Releases connections (module shutdown). */
  close(): Promise<void>;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');
export const EVIDENCE_OPTIONS = Symbol('EVIDENCE_OPTIONS');
