import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { AuthModule } from '@rectify/auth';
import { EngineConfigModule, type EngineConfig } from './config';
import { DatabaseModule, TypeOrmRootModule } from './database';
import { DevModule } from './dev/dev.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './health/health.module';

export interface EngineModuleOptions {
  config: EngineConfig;
  /** Modules beyond FEATURE_MODULES (tests). */
  imports?: ModuleMetadata['imports'];
}

/** The all-in-one engine. The dev token endpoint exists only when AUTH_MODE=dev. */
@Module({})
export class EngineModule {
  static register({ config, imports = [] }: EngineModuleOptions): DynamicModule {
    return {
      module: EngineModule,
      imports: [
        EngineConfigModule.forRoot(config),
        DatabaseModule,
        TypeOrmRootModule,
        AuthModule.forRoot(config.auth),
        HealthModule,
        ...(config.auth.mode === 'dev' ? [DevModule] : []),
        ...FEATURE_MODULES,
        ...imports,
      ],
    };
  }
}
