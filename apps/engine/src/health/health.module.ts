import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { SUBSCRIPTION_HEALTH, SubscriptionHealth } from './subscription-health';

@Global()
@Module({
  controllers: [HealthController],
  providers: [SubscriptionHealth, { provide: SUBSCRIPTION_HEALTH, useExisting: SubscriptionHealth }],
  exports: [SUBSCRIPTION_HEALTH, SubscriptionHealth],
})
export class HealthModule {}
