import { Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../config';
import { DEPENDENCY_HEALTH, type DependencyHealth } from '../health/dependency-health';
import { EvidenceController } from './evidence.controller';
import { evidenceOptions, type EvidenceOptions } from './evidence-options';
import { EVIDENCE_OPTIONS, EVIDENCE_STORE, type EvidenceStore } from './evidence-store.port';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { LocalEvidenceStore } from './local-evidence-store';

/**
 * The configured store. The AWS SDK is loaded only when EVIDENCE_STORE=s3. The S3 bucket is a
 * remote dependency, so its probe goes to /health (`dependencies`: 'evidence-store'); the
 * local directory sits on the engine's own disk next to DATA_DIR and is not probed.
 */
function createEvidenceStore(options: EvidenceOptions, health: DependencyHealth): EvidenceStore {
  const settings = options.store;
  if (settings.kind === 'local') return new LocalEvidenceStore(settings.directory);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy: the SDK takes ~200 ms to load
  const { createS3EvidenceStore } = require('./s3-evidence-store') as typeof import('./s3-evidence-store');
  const store = createS3EvidenceStore(settings);
  health.register('evidence-store', () => store.ping(), `s3://${settings.bucket}/${settings.keyPrefix}`);
  return store;
}

/** POST/GET /api/v1/evidence over the configured EvidenceStore (local disk by default, or S3-compatible). */
@Module({
  controllers: [EvidenceController],
  providers: [
    { provide: EVIDENCE_OPTIONS, inject: [ENGINE_CONFIG], useFactory: (config: EngineConfig) => evidenceOptions(process.env, config.dataDir) },
    { provide: EVIDENCE_STORE, inject: [EVIDENCE_OPTIONS, DEPENDENCY_HEALTH], useFactory: createEvidenceStore },
    EvidenceUploadInterceptor,
  ],
  exports: [EVIDENCE_STORE],
})
export class EvidenceModule implements OnModuleDestroy {
  constructor(@Inject(EVIDENCE_STORE) private readonly store: EvidenceStore) {}

  async onModuleDestroy(): Promise<void> {
    await this.store.close();
  }
}
