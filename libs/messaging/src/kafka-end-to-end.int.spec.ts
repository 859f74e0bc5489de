import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore } from '@rectify/event-store';
import { containerRuntimeProbed, createTestDatabase } from '@rectify/testing';
import { DLQ_HEADERS, FINDING_SUBMISSIONS_DLQ_V1 } from './contracts/finding-submissions-dlq.v1';
import { FINDING_SUBMISSIONS_V1, type FindingSubmissionV1 } from './contracts/finding-submissions.v1';
import { FindingSubmissionConsumer } from './inbound/finding-submission-consumer';
import { KafkaRelay } from './relay/kafka-relay';
import { OUTBOUND_TOPICS } from './relay/outbound-routing';

/**
 * Relay and consumer against a real Kafka broker (testcontainers, KRaft) and a real
 * PostgreSQL event store. Without a container runtime: the skip line, one skipped test.
 */
const SKIP_LINE = 'SKIPPED: no container runtime (Kafka)';
const KAFKA_IMAGE = process.env.KAFKA_TEST_IMAGE ?? 'confluentinc/cp-kafka:7.9.0';

if (containerRuntimeProbed()) {
  describe('Kafka relay and finding submissions (real broker)', kafkaSuite);
} else {
  console.log(SKIP_LINE);
  it.skip(SKIP_LINE, () => undefined);
}

function kafkaSuite(): void {
  let stopContainer: () => Promise<void>;
  let kafka: Kafka;
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer(KAFKA_IMAGE).withKraft().start();
    stopContainer = async () => void (await container.stop());
    kafka = new Kafka({ brokers: [`${container.getHost()}:${container.getMappedPort(9093)}`], logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const topics = [...OUTBOUND_TOPICS, FINDING_SUBMISSIONS_V1.topic, FINDING_SUBMISSIONS_DLQ_V1.topic];
    await admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: 3 })), waitForLeaders: true });
    await admin.disconnect();
    pool = new Pool({ connectionString: await createTestDatabase('kafka_e2e') });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
  }, 180_000);
  afterAll(async () => {
    await pool?.end();
    await stopContainer?.();
  });

  it('relays finding events keyed by stream, in stream order, at least once, resuming from its checkpoint', async () => {
    const [a, b] = [`finding-${randomUUID()}`, `finding-${randomUUID()}`];
    await append(a, 'FindingAcknowledged', 'FindingReopened');
    await append(b, 'FindingAcknowledged');
    const relay = new KafkaRelay({ kafka, pool, name: 'relay-e2e' });
    await relay.start();
    await relay.catchUp();
    await append(a, 'FindingWithdrawn');
    await relay.catchUp();
    await relay.stop();

    const received = await consume('rectify.findings.v1', 4);
    const of = (key: string) => received.filter((m) => m.key?.toString() === key).map((m) => JSON.parse(m.value!.toString()));
    expect(of(a).map((e) => [e.kind, e.streamVersion])).toEqual([['acknowledged', 1], ['reopened', 2], ['withdrawn', 3]]);
    expect(of(b).map((e) => e.kind)).toEqual(['acknowledged']);
    expect((await relay.status()).lagging).toBe(false);
  }, 120_000);

  it('turns valid submissions into commands and dead-letters invalid ones with the reason', async () => {
    const handled: FindingSubmissionV1[] = [];
    const consumer = new FindingSubmissionConsumer({
      kafka,
      groupId: `submissions-${randomUUID()}`,
      handle: async (submission) => (handled.push(submission), { outcome: 'recorded' }),
    });
    const valid = submission();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: FINDING_SUBMISSIONS_V1.topic,
      messages: [
        { key: valid.submissionId, value: JSON.stringify(valid) },
        { key: 'broken', value: '{not json' },
      ],
    });
    await producer.disconnect();
    await consumer.start();
    const [dead] = await consume(FINDING_SUBMISSIONS_DLQ_V1.topic, 1);
    await waitUntil(() => handled.length === 1);
    await consumer.stop();
    expect(handled[0].submissionId).toBe(valid.submissionId);
    expect(dead.headers?.[DLQ_HEADERS.reason]?.toString()).toBe('value: not JSON');
  }, 120_000);

  async function append(stream: string, ...types: string[]): Promise<void> {
    const findingId = stream.slice('finding-'.length);
    const metadata = { actorId: 'a', role: 'unit_head', commandId: randomUUID(), correlationId: randomUUID() };
    const events = types.map((type) => ({ id: randomUUID(), type, data: { findingId, reason: 'internal' }, metadata, occurredAt: new Date() }));
    await store.append(stream, events, { expectedVersion: 'any' });
  }

  async function consume(topic: string, count: number): Promise<KafkaMessage[]> {
    const consumer = kafka.consumer({ groupId: `reader-${randomUUID()}` });
    const messages: KafkaMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void messages.push(message) });
    await waitUntil(() => messages.length >= count);
    await consumer.disconnect();
    return messages;
  }
}

function submission(): FindingSubmissionV1 {
  return {
    submissionId: randomUUID(),
    inspectionId: randomUUID(),
    submittedBy: { officialId: randomUUID(), role: 'inspector' },
    category: 'equipment',
    severity: 'minor',
    title: 'Máy scan hỏng',
    description: 'Máy scan tại bộ phận một cửa không hoạt động.',
    observedAt: '2024-03-05T09:00:00+07:00',
  };
}

async function waitUntil(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for Kafka');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
