export * from './contracts';
export * from './relay/outbound-routing';
export * from './relay/kafka-relay';
export * from './inbound/submission-routing';
export * from './inbound/finding-submission-consumer';
export * from './kafka/kafka-settings';
