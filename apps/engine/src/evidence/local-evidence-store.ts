import { constants, createReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { EvidenceStore, StoredEvidenceMeta } from './evidence-store.port';

/**
 * Evidence on local disk: `<dir>/<aa>/<sha256>` holds the bytes and `<sha256>.json` the
 * metadata. Writes go to a temporary name then rename (atomic on one filesystem), so a
 * reader never sees half a file; the bytes are written before the metadata that announces them.
 */
export class LocalEvidenceStore implements EvidenceStore {
  constructor(private readonly directory: string) {}

  async put(bytes: Buffer, meta: StoredEvidenceMeta): Promise<StoredEvidenceMeta> {
    const existing = await this.stat(meta.sha256);
    if (existing) return existing;
    const dir = join(this.directory, meta.sha256.slice(0, 2));
    await mkdir(dir, { recursive: true });
    const file = join(dir, meta.sha256);
    const temp = `${file}.${randomUUID()}.tmp`; // unique: concurrent uploads of the same bytes never share a temp file
    await writeFile(temp, bytes);
    await rename(temp, file);
    await writeFile(`${temp}.json`, JSON.stringify(meta));
    await rename(`${temp}.json`, `${file}.json`);
    return meta;
  }

  async stat(sha256: string): Promise<StoredEvidenceMeta | null> {
    const file = this.path(sha256);
    try {
      const meta = JSON.parse(await readFile(`${file}.json`, 'utf8')) as StoredEvidenceMeta;
      await stat(file);
      return meta;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async open(sha256: string): Promise<Readable> {
    return createReadStream(this.path(sha256));
  }

  /** The directory exists (created when missing) and this process may write it. */
  async ping(): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    await access(this.directory, constants.R_OK | constants.W_OK);
  }

  async close(): Promise<void> {}

  private path(sha256: string): string {
    return join(this.directory, sha256.slice(0, 2), sha256);
  }
}
