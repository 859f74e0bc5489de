import { Module, type DynamicModule } from '@nestjs/common';
import { SERVICE_STORAGE, type ServiceStorage } from './database.tokens';
import { assertServiceSchemaName } from './service-schema';

/**
 * Composed into a separate service (apps/<name>/src/<name>.service-modules.ts), never into the
 * all-in-one engine: the service's tables go to its own schema and it runs only the read-model
 * projections its queries read. Services share only the event store (public) and Kafka.
 */
@Module({})
export class ServiceStorageModule {
  static forService(storage: ServiceStorage): DynamicModule {
    assertServiceSchemaName(storage.schema);
    return { module: ServiceStorageModule, global: true, providers: [{ provide: SERVICE_STORAGE, useValue: storage }], exports: [SERVICE_STORAGE] };
  }
}
