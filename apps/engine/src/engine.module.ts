import { Logger, Module, type DynamicModule, type ModuleMetadata, type OnApplicationBootstrap } from '@nestjs/common';
import { AuthModule } from '@rectify/auth';
import { CRASH_AT_VARIABLE } from '@rectify/workflow';
import { EngineConfigModule, type EngineConfig } from './config';
import { DatabaseModule, TypeOrmRootModule } from './database';
import { DevTokenController } from './dev/dev-token.controller';
import { DevModule } from './dev/dev.module';
import { FEATURE_MODULES } from './feature-modules';
import { HealthModule } from './health/health.module';

export interface EngineModuleOptions {
  config: EngineConfig;
  /** Modules beyond the features (tests). */
  imports?: ModuleMetadata['imports'];
  /**
   * The feature modules to compose. Default: FEATURE_MODULES (the all-in-one engine); a
   * separate service (apps/inspection, apps/workflow, …) passes its own list.
   */
  features?: ModuleMetadata['imports'];
  /**
   * With AUTH_MODE=dev: whether the dev clock endpoint is served too (it drives the workflow
   * runtime, so only a process that composes WorkflowModule may serve it). Default true.
   */
  devClock?: boolean;
}

/** A separate service in dev mode without the workflow: the dev token endpoint only. */
@Module({ controllers: [DevTokenController] })
export class DevTokenModule implements OnApplicationBootstrap {
  onApplicationBootstrap(): void {
    new Logger('DevMode').warn('AUTH_MODE=dev: POST /api/v1/dev/token issues a token for ANY actor to ANYONE. Never expose this service.');
  }
}

/**
 * The engine root: config, database, auth and health, then the feature modules. All-in-one
 * by default; each separate service composes the same root with its own features.
 * The dev endpoints exist only when AUTH_MODE=dev.
 */
@Module({})
export class EngineModule {
  static register({ config, imports = [], features = FEATURE_MODULES, devClock = true }: EngineModuleOptions): DynamicModule {
    const crashAt = process.env[CRASH_AT_VARIABLE];
    if (crashAt) new Logger('CrashPoints').warn(`${CRASH_AT_VARIABLE}=${crashAt}: this process will SIGKILL itself at that point (crash-safety tests only).`);
    return {
      module: EngineModule,
      imports: [
        EngineConfigModule.forRoot(config),
        DatabaseModule,
        TypeOrmRootModule,
        AuthModule.forRoot(config.auth),
        HealthModule,
        ...(config.auth.mode === 'dev' ? [devClock ? DevModule : DevTokenModule] : []),
        ...features,
        ...imports,
      ],
    };
  }
}
