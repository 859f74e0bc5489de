import type { Kafka, Producer } from 'kafkajs';
import type { Pool } from 'pg';
import {
  CheckpointedSubscription, type CheckpointedSubscriptionOptions, type EventWakeUp, type RecordedEvent, type SubscriptionStatus,
} from '@rectify/event-store';
import { RELAYED_EVENT_TYPES, toOutboundMessages, toTopicBatches } from './outbound-routing';

/** What the relay needs of a checkpointed subscription (PostgreSQL or KurrentDB flavour). */
export interface RelaySubscription {
  start(): Promise<void>;
  stop(): Promise<void>;
  catchUp(): Promise<void>;
  status(): Promise<SubscriptionStatus>;
}

export type RelaySubscriptionFactory = (options: CheckpointedSubscriptionOptions) => RelaySubscription;

export interface KafkaRelayOptions {
  kafka: Kafka;
  pool: Pool;
  /** Checkpoint name. Default 'kafka-relay'. */
  name?: string;
  /** Default: PostgreSQL CheckpointedSubscription; with KurrentDB, a KurrentDbCheckpointedSubscription. */
  subscription?: RelaySubscriptionFactory;
  wakeUp?: EventWakeUp;
  batchSize?: number;
  pollIntervalMs?: number;
  onError?: (error: unknown, name: string) => void;
}

/**
 * The outbound relay: the event store is the outbox. A checkpointed subscription reads the
 * relayed event types in log order; each batch is published (one sendBatch, awaited: every
 * broker acknowledged, acks = all) BEFORE its checkpoint commits. A crash or a Kafka error in
 * between leaves the checkpoint where it was and the batch is published again: at-least-once,
 * never lost, never reordered within a stream. The idempotent producer (one request in
 * flight) removes duplicates from its own retries; duplicates after a relay restart carry the
 * same eventId, which consumers deduplicate on. Several relay instances take turns on the
 * checkpoint row, so each batch is published by one of them at a time.
 */
export class KafkaRelay {
  private readonly producer: Producer;
  private readonly subscription: RelaySubscription;

  constructor(options: KafkaRelayOptions) {
    this.producer = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    const create = options.subscription ?? ((subscriptionOptions) => new CheckpointedSubscription(subscriptionOptions));
    this.subscription = create({
      name: options.name ?? 'kafka-relay',
      pool: options.pool,
      types: RELAYED_EVENT_TYPES,
      batchSize: options.batchSize ?? 200,
      pollIntervalMs: options.pollIntervalMs,
      wakeUp: options.wakeUp,
      onError: options.onError,
      handle: (events) => this.publish(events),
    });
  }

  get name(): string {
    return (this.subscription as { name?: string }).name ?? 'kafka-relay';
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.subscription.start();
  }

  async stop(): Promise<void> {
    await this.subscription.stop();
    await this.producer.disconnect();
  }

  /** Publishes everything committed so far (tests, drains before shutdown). */
  catchUp(): Promise<void> {
    return this.subscription.catchUp();
  }

  status(): Promise<SubscriptionStatus> {
    return this.subscription.status();
  }

  private async publish(events: RecordedEvent[]): Promise<void> {
    const topicMessages = toTopicBatches(toOutboundMessages(events));
    if (topicMessages.length === 0) return;
    await this.producer.sendBatch({ topicMessages, acks: -1 });
  }
}
