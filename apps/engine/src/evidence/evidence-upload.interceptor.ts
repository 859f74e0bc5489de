import { BadRequestException, Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Observable } from 'rxjs';
import { CodedHttpException } from '../http/coded-http.exception';
import { EVIDENCE_OPTIONS } from './evidence-store.port';
import type { EvidenceOptions } from './evidence-options';

/** The multipart field that carries the file. */
export const EVIDENCE_FIELD = 'file';

/**
 * Parses `multipart/form-data` with multer (memory storage, one file of at most
 * EVIDENCE_MAX_BYTES, a few small text fields) and turns multer's refusals into coded
 * problems: 413 EVIDENCE.TOO_LARGE, 400 EVIDENCE.BAD_MULTIPART.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(@Inject(EVIDENCE_OPTIONS) private readonly options: EvidenceOptions) {
    const Multer = FileInterceptor(EVIDENCE_FIELD, {
      limits: { fileSize: options.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 8 },
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new CodedHttpException(413, 'EVIDENCE.TOO_LARGE', `The file is larger than ${this.options.maxBytes} bytes`, [
          { field: EVIDENCE_FIELD, message: `at most ${this.options.maxBytes} bytes` },
        ]);
      }
      if (error instanceof BadRequestException) {
        const detail = error.message || 'Malformed multipart body';
        throw new CodedHttpException(400, 'EVIDENCE.BAD_MULTIPART', `${detail} (send one file in the '${EVIDENCE_FIELD}' field)`, [
          { field: EVIDENCE_FIELD, message: detail },
        ]);
      }
      throw error;
    }
  }
}
