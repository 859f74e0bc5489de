import { Inject, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from '../config';
import { DEMO_SEED_ENABLED, DemoSeeder, demoSeedEnabledFromEnv } from './demo-seeder';

/**
 * Seeds the demo organisation (demo-organisation.ts) on bootstrap into an empty store,
 * unless DEMO_SEED=false. A failed seed is logged; the engine still starts.
 */
@Module({
  providers: [{ provide: DEMO_SEED_ENABLED, useFactory: () => demoSeedEnabledFromEnv(process.env) }, DemoSeeder],
  exports: [DemoSeeder],
})
export class DemoModule implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    private readonly seeder: DemoSeeder,
    @Inject(ENGINE_CONFIG) private readonly config: EngineConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    let outcome;
    try {
      outcome = await this.seeder.seed();
    } catch (error) {
      this.logger.error(`Demo organisation not seeded: ${error instanceof Error ? error.message : String(error)}`, error instanceof Error ? error.stack : undefined);
      return;
    }
    if (this.config.auth.mode === 'dev' && (outcome === 'seeded' || outcome === 'already-seeded')) {
      this.logger.log(this.seeder.devTokenHint());
    }
  }
}
