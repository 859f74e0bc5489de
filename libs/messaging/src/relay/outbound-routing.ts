import type { RecordedEvent } from '@rectify/event-store';
import { DECISIONS_V1, DECISIONS_V1_SOURCE_TYPES, toDecisionsV1 } from '../contracts/decisions.v1';
import { ESCALATIONS_V1, ESCALATIONS_V1_SOURCE_TYPES, toEscalationsV1 } from '../contracts/escalations.v1';
import { FINDINGS_V1, FINDINGS_V1_SOURCE_TYPES, toFindingsV1 } from '../contracts/findings.v1';
import type { IntegrationEvent } from '../contracts/integration-event';

/** One Kafka record: key = the aggregate's stream id, so one stream's events share a partition and keep their order. */
export interface OutboundMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface TopicBatch {
  topic: string;
  messages: Omit<OutboundMessage, 'topic'>[];
}

interface Route {
  topic: string;
  sourceTypes: readonly string[];
  map: (event: RecordedEvent) => IntegrationEvent<string, unknown> | null;
}

/** Every outbound topic, its source domain event types and its explicit mapping. */
export const OUTBOUND_ROUTES: readonly Route[] = [
  { topic: FINDINGS_V1.topic, sourceTypes: FINDINGS_V1_SOURCE_TYPES, map: toFindingsV1 },
  { topic: ESCALATIONS_V1.topic, sourceTypes: ESCALATIONS_V1_SOURCE_TYPES, map: toEscalationsV1 },
  { topic: DECISIONS_V1.topic, sourceTypes: DECISIONS_V1_SOURCE_TYPES, map: toDecisionsV1 },
];

/** The relay's subscription reads only these types (its checkpoint advances over them only). */
export const RELAYED_EVENT_TYPES: readonly string[] = OUTBOUND_ROUTES.flatMap((route) => route.sourceTypes);

export const OUTBOUND_TOPICS: readonly string[] = OUTBOUND_ROUTES.map((route) => route.topic);

/** Integration messages of a batch of domain events, in the batch's (log) order. */
export function toOutboundMessages(events: readonly RecordedEvent[]): OutboundMessage[] {
  const messages: OutboundMessage[] = [];
  for (const event of events) {
    for (const route of OUTBOUND_ROUTES) {
      if (!route.sourceTypes.includes(event.type)) continue;
      const integration = route.map(event);
      if (integration) messages.push(messageOf(route.topic, integration));
    }
  }
  return messages;
}

/**
 * Groups messages by topic for one producer.sendBatch. Within a topic (hence within a key
 * and a partition) the log order is kept; across topics there is no order to keep.
 */
export function toTopicBatches(messages: readonly OutboundMessage[]): TopicBatch[] {
  const byTopic = new Map<string, TopicBatch>();
  for (const { topic, ...message } of messages) {
    const batch = byTopic.get(topic) ?? { topic, messages: [] };
    batch.messages.push(message);
    byTopic.set(topic, batch);
  }
  return [...byTopic.values()];
}

function messageOf(topic: string, event: IntegrationEvent<string, unknown>): OutboundMessage {
  return {
    topic,
    key: event.streamId,
    value: JSON.stringify(event),
    headers: {
      'content-type': 'application/json',
      'rectify-event-id': event.eventId,
      'rectify-contract': `${event.contract}.v${event.version}`,
      'rectify-kind': event.kind,
    },
  };
}
