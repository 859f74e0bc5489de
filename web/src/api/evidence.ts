import { api } from './client';
import { ApiError } from './problem';
import type { EvidenceItem } from './types';

export const MAX_FILE_MB = 10;
const ACCEPTED = /^(image\/(jpeg|png|webp|heic|heif)|application\/pdf)$/;
export const ACCEPT_ATTRIBUTE = 'image/*,application/pdf';

/** Client-side check before any upload: type and size. Returns i18n keys with params. */
export function checkFile(file: File): { key: 'error.fileTooLarge' | 'error.fileType'; params: Record<string, string | number> } | null {
  if (!ACCEPTED.test(file.type)) return { key: 'error.fileType', params: { name: file.name } };
  if (file.size > MAX_FILE_MB * 1024 * 1024) return { key: 'error.fileTooLarge', params: { name: file.name, max: MAX_FILE_MB } };
  return null;
}

export async function sha256Hex(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface StoredEvidence extends EvidenceItem {
  /** false: the server has no evidence store yet; only the hash was recorded. */
  uploaded: boolean;
}

/**
 * Uploads a file to POST /api/v1/evidence (multipart, content-addressed by sha256). While
 * that endpoint does not exist (404/405/415), records the hash computed here instead, so a
 * later upload of the same file matches the recorded reference.
 */
export async function storeEvidence(file: File): Promise<StoredEvidence> {
  const form = new FormData();
  form.append('file', file, file.name);
  try {
    const stored = await api<{ sha256: string; name: string; size: number; mediaType: string; url?: string }>('evidence', { form });
    return { name: stored.name ?? file.name, sha256: stored.sha256, size: stored.size, mediaType: stored.mediaType, uploaded: true };
  } catch (error) {
    if (!(error instanceof ApiError) || ![404, 405, 415].includes(error.status)) throw error;
    return { name: file.name, sha256: await sha256Hex(file), size: file.size, mediaType: file.type, uploaded: false };
  }
}

/** What a finding's event keeps: sha256, name, and size and media type when the server stored the file. */
export function evidenceReference(e: StoredEvidence): EvidenceItem {
  return e.uploaded ? { name: e.name, sha256: e.sha256, size: e.size, mediaType: e.mediaType } : { name: e.name, sha256: e.sha256 };
}
