import type { Consumer, EachMessagePayload, Kafka, Producer } from 'kafkajs';
import { FINDING_SUBMISSIONS_DLQ_V1, deadLetterOf, type DeadLetter } from '../contracts/finding-submissions-dlq.v1';
import { FINDING_SUBMISSIONS_V1, type FindingSubmissionV1 } from '../contracts/finding-submissions.v1';
import { routeSubmission } from './submission-routing';

/**
 * What the application does with a valid submission: dispatch RecordFinding with the
 * submission id as idempotency key. 'rejected' = the domain refused it for good (e.g. the
 * inspection is concluded): dead-lettered with the reason. Throw for anything transient
 * (database down): the message is redelivered, and the idempotency key makes that safe.
 */
export type SubmissionHandler = (submission: FindingSubmissionV1) => Promise<{ outcome: 'recorded' } | { outcome: 'rejected'; reason: string }>;

export interface FindingSubmissionConsumerOptions {
  kafka: Kafka;
  groupId: string;
  handle: SubmissionHandler;
  onDeadLetter?: (letter: DeadLetter) => void;
}

/**
 * Consumes rectify.finding-submissions.v1. Offsets are committed only after a message was
 * handled or dead-lettered (kafkajs marks a message done when eachMessage resolves): at-least-
 * once, a crash redelivers, the command's idempotency key absorbs the repeat. Any number of
 * engine replicas share the consumer group; a submission's key (its id) pins it to one partition.
 */
export class FindingSubmissionConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;

  constructor(private readonly options: FindingSubmissionConsumerOptions) {
    this.consumer = options.kafka.consumer({ groupId: options.groupId, allowAutoTopicCreation: false });
    this.deadLetters = options.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  }

  async start(): Promise<void> {
    await this.deadLetters.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [FINDING_SUBMISSIONS_V1.topic], fromBeginning: true });
    await this.consumer.run({ eachMessage: (payload) => this.handleMessage(payload) });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
  }

  private async handleMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    const source = { topic, partition, offset: message.offset, key: message.key, value: message.value };
    const route = routeSubmission(source);
    if (route.kind === 'dead-letter') return this.deadLetter(route.letter);
    const result = await this.options.handle(route.submission);
    if (result.outcome === 'rejected') await this.deadLetter(deadLetterOf(source, 'rejected', result.reason));
  }

  private async deadLetter(letter: DeadLetter): Promise<void> {
    await this.deadLetters.send({ topic: FINDING_SUBMISSIONS_DLQ_V1.topic, acks: -1, messages: [letter] });
    this.options.onDeadLetter?.(letter);
  }
}
