import { Module } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../config';
import { EvidenceController } from './evidence.controller';
import { evidenceOptions, type EvidenceOptions } from './evidence-options';
import { EVIDENCE_OPTIONS, EVIDENCE_STORE } from './evidence-store.port';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { LocalEvidenceStore } from './local-evidence-store';

/** POST/GET /api/v1/evidence over the configured EvidenceStore (local disk by default). */
@Module({
  controllers: [EvidenceController],
  providers: [
    { provide: EVIDENCE_OPTIONS, inject: [ENGINE_CONFIG], useFactory: (config: EngineConfig) => evidenceOptions(process.env, config.dataDir) },
    { provide: EVIDENCE_STORE, inject: [EVIDENCE_OPTIONS], useFactory: (options: EvidenceOptions) => new LocalEvidenceStore(options.directory) },
    EvidenceUploadInterceptor,
  ],
  exports: [EVIDENCE_STORE],
})
export class EvidenceModule {}
