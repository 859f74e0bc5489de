import { Controller, Get, HttpCode, Inject, Logger, Param, Post, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { CodedHttpException } from '../http/coded-http.exception';
import { EVIDENCE_MEDIA_TYPES, sniffMediaType } from './evidence-media-type';
import { EVIDENCE_STORE, type EvidenceStore, type StoredEvidenceMeta } from './evidence-store.port';
import { EVIDENCE_FIELD, EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EvidenceChangedError, sha256Of, verifyingStream } from './verified-stream';

/** What multer hands over (memory storage). */
interface UploadedPart {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface EvidenceResponse extends StoredEvidenceMeta {
  url: string;
}

const PEOPLE = ROLES.filter((role) => role !== 'system');
const SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Evidence files, content-addressed by SHA-256. Upload is naturally idempotent (same bytes →
 * same key, nothing is overwritten), so an Idempotency-Key is accepted but not needed.
 * Events keep only {sha256, name, size, mediaType}; the bytes live in the EvidenceStore.
 */
@ApiTags('evidence')
@ApiBearerAuth()
@Controller('evidence')
export class EvidenceController {
  private readonly logger = new Logger('Evidence');

  constructor(@Inject(EVIDENCE_STORE) private readonly store: EvidenceStore) {}

  @Post()
  @HttpCode(201)
  @Roles(...PEOPLE)
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: [EVIDENCE_FIELD], properties: { [EVIDENCE_FIELD]: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Store a photo (JPEG, PNG, WebP, HEIC) or PDF; answers its sha256 reference' })
  async upload(@UploadedFile() file: UploadedPart | undefined): Promise<EvidenceResponse> {
    if (!file) {
      throw new CodedHttpException(400, 'EVIDENCE.FILE_REQUIRED', `Send one file in the multipart field '${EVIDENCE_FIELD}'`, [
        { field: EVIDENCE_FIELD, message: 'required' },
      ]);
    }
    if (file.size === 0) {
      throw new CodedHttpException(422, 'EVIDENCE.EMPTY', 'The file is empty', [{ field: EVIDENCE_FIELD, message: 'empty file' }]);
    }
    const mediaType = sniffMediaType(file.buffer);
    if (!mediaType) {
      throw new CodedHttpException(
        415,
        'EVIDENCE.TYPE_NOT_ALLOWED',
        `Only ${EVIDENCE_MEDIA_TYPES.join(', ')} are accepted (declared '${file.mimetype}', content not recognised)`,
        [{ field: EVIDENCE_FIELD, message: 'type not allowed' }],
      );
    }
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const name = uploadedName(file.originalname);
    const stored = await this.reach('store', sha256, () => this.store.put(file.buffer, { sha256, size: file.size, mediaType, name }));
    return { sha256, name, size: stored.size, mediaType: stored.mediaType, url: `/api/v1/evidence/${sha256}` };
  }

  @Get(':sha256')
  @Roles(...PEOPLE)
  @ApiOperation({ summary: 'Download a stored file; refused (409 EVIDENCE.HASH_MISMATCH) if its bytes no longer match the hash' })
  async download(@Param('sha256') raw: string, @Res() response: Response): Promise<void> {
    if (!SHA256.test(raw)) {
      throw new CodedHttpException(400, 'EVIDENCE.INVALID_HASH', 'sha256 must be 64 hexadecimal characters', [
        { field: 'sha256', message: 'must be 64 hexadecimal characters' },
      ]);
    }
    const sha256 = raw.toLowerCase();
    const meta = await this.reach('look up', sha256, () => this.store.stat(sha256));
    if (!meta) throw new CodedHttpException(404, 'EVIDENCE.NOT_FOUND', `No evidence file with sha256 ${sha256}`);
    // Rule: never serve bytes that are not what the events point at (corruption, tampering).
    // First pass: hash the stored bytes, so a mismatch is answered with a clean 409.
    const actual = await this.reach('read', sha256, async () => sha256Of(await this.store.open(sha256)));
    if (actual !== sha256) {
      throw new CodedHttpException(
        409,
        'EVIDENCE.HASH_MISMATCH',
        `The stored file no longer matches its sha256 (expected ${sha256}, found ${actual}); it is not served`,
      );
    }
    response.status(200).set({
      'Content-Type': meta.mediaType,
      'Content-Length': String(meta.size),
      'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(meta.name)}`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: `"${sha256}"`,
    });
    // Second pass, streamed: should the bytes change in between, the transfer is cut short
    // before its last chunk, so the client never completes a wrong file.
    const bytes = await this.reach('read', sha256, () => this.store.open(sha256));
    pipeline(bytes, verifyingStream(sha256), response, (error) => {
      if (error instanceof EvidenceChangedError) this.logger.error(error.message);
      else if (error && (error as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') this.logger.warn(`download of ${sha256} failed: ${error.message}`);
    });
  }

  /** Rule: a store that cannot be reached answers 503 EVIDENCE.STORE_UNAVAILABLE (retry later), never a bare 500. */
  private async reach<T>(action: string, sha256: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      this.logger.error(`evidence store: could not ${action} ${sha256}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      throw new CodedHttpException(503, 'EVIDENCE.STORE_UNAVAILABLE', 'The evidence store cannot be reached now; try again later');
    }
  }
}

/** multer decodes part file names as latin1; browsers send UTF-8 (Vietnamese names). */
function uploadedName(original: string): string {
  const utf8 = Buffer.from(original, 'latin1').toString('utf8');
  const name = (utf8.includes('\uFFFD') ? original : utf8).replace(/[\\/]/g, '_').trim().slice(0, 255);
  return name || 'file';
}
