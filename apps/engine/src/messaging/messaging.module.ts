import { Inject, Logger, Module, Optional, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { FindingSubmissionConsumer, KafkaRelay, kafkaSettingsFromEnv, type KafkaSettings } from '@rectify/messaging';
import { PG_POOL } from '../database';
import { LOG_FOLLOWING } from '../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../event-sourcing/event-store-selection';
import { SUBSCRIPTION_HEALTH, type SubscriptionHealth } from '../health';
import { submissionHandler } from './submission-command';

const logger = new Logger('Messaging');
const KAFKA_SETTINGS = Symbol('KAFKA_SETTINGS');

/**
 * Kafka at the edge, only when KAFKA_BROKERS is set (without it this module does nothing and
 * the engine runs whole). Starts the outbound relay (integration events, checkpointed by the
 * event store position) and the finding-submission consumer after bootstrap; the relay's
 * checkpoint appears in /health as `kafka-relay`.
 */
@Module({
  providers: [{ provide: KAFKA_SETTINGS, useFactory: () => kafkaSettingsFromEnv(process.env) }],
})
export class MessagingModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private relay: KafkaRelay | null = null;
  private consumer: FindingSubmissionConsumer | null = null;

  constructor(
    @Inject(KAFKA_SETTINGS) private readonly settings: KafkaSettings | null,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(LOG_FOLLOWING) private readonly following: LogFollowing | null,
    @Inject(SUBSCRIPTION_HEALTH) private readonly health: SubscriptionHealth,
    @Optional() private readonly commands?: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings) return;
    // Loaded only with a broker configured: an engine without Kafka never holds the client.
    const { Kafka, logLevel } = await import('kafkajs');
    const kafka = new Kafka({ ...this.settings.client, logLevel: logLevel.WARN });
    if (this.settings.relay) {
      this.relay = new KafkaRelay({
        kafka,
        pool: this.pool,
        // With KurrentDB holding the events, the relay follows the port's log (checkpoint still in PostgreSQL).
        subscription: this.following?.subscription,
        wakeUp: this.following?.wakeUp,
        onError: (error, name) => logger.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`),
      });
      await this.relay.start();
      this.health.register(this.relay.name, async () => {
        const status = await this.relay!.status();
        const failed = status.failedAttempts > 0;
        return {
          name: status.name,
          status: failed ? 'failed' : 'ok',
          position: `${status.position.commit}/${status.position.prepare}`,
          ...(failed ? { lastError: `${status.lastError} (${status.failedAttempts} attempts)` } : {}),
        };
      });
    }
    if (this.settings.consumer && this.commands) {
      this.consumer = new FindingSubmissionConsumer({
        kafka,
        groupId: this.settings.consumerGroup,
        handle: submissionHandler(this.commands),
        onDeadLetter: (letter) => logger.warn(`finding submission dead-lettered: ${Object.values(letter.headers)[0]}`),
      });
      await this.consumer.start();
    }
    logger.log(`Kafka enabled (${this.settings.client.brokers}): relay ${this.relay ? 'on' : 'off'}, consumer ${this.consumer ? 'on' : 'off'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay?.stop();
  }
}
