import { Global, Module } from '@nestjs/common';
import { DEPENDENCY_HEALTH, DependencyHealth } from './dependency-health';
import { HealthController } from './health.controller';
import { SUBSCRIPTION_HEALTH, SubscriptionHealth } from './subscription-health';

@Global()
@Module({
  controllers: [HealthController],
  providers: [
    SubscriptionHealth,
    { provide: SUBSCRIPTION_HEALTH, useExisting: SubscriptionHealth },
    DependencyHealth,
    { provide: DEPENDENCY_HEALTH, useExisting: DependencyHealth },
  ],
  exports: [SUBSCRIPTION_HEALTH, SubscriptionHealth, DEPENDENCY_HEALTH, DependencyHealth],
})
export class HealthModule {}
