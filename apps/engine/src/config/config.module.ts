import { Module, type DynamicModule } from '@nestjs/common';
import { ENGINE_CONFIG, type EngineConfig } from './engine-config';

/** Provides the already-validated EngineConfig under ENGINE_CONFIG to every module. */
@Module({})
export class EngineConfigModule {
  static forRoot(config: EngineConfig): DynamicModule {
    return {
      module: EngineConfigModule,
      global: true,
      providers: [{ provide: ENGINE_CONFIG, useValue: config }],
      exports: [ENGINE_CONFIG],
    };
  }
}
