import type { KafkaConfig, SASLOptions } from 'kafkajs';

/**
 * Kafka configuration from the environment. KAFKA_BROKERS unset → null: the engine runs
 * whole without Kafka (no relay, no consumer). Every bad variable is reported, by name.
 *   KAFKA_BROKERS          host:port[,host:port…] (required to enable Kafka)
 *   KAFKA_CLIENT_ID        default rectify-engine
 *   KAFKA_CONSUMER_GROUP   default rectify-finding-submissions
 *   KAFKA_SSL              true | false (default false)
 *   KAFKA_SASL_MECHANISM   plain | scram-sha-256 | scram-sha-512 (with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD)
 *   KAFKA_RELAY            true | false (default true): publish integration events
 *   KAFKA_CONSUMER         true | false (default true): consume finding submissions
 */
export interface KafkaSettings {
  client: KafkaConfig;
  consumerGroup: string;
  relay: boolean;
  consumer: boolean;
}

export class KafkaConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid Kafka configuration:\n- ${issues.join('\n- ')}`);
    this.name = 'KafkaConfigError';
  }
}

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

export function kafkaSettingsFromEnv(env: NodeJS.ProcessEnv): KafkaSettings | null {
  const read = (name: string): string | undefined => env[name]?.trim() || undefined;
  const brokersText = read('KAFKA_BROKERS');
  if (brokersText === undefined) return null;
  const issues: string[] = [];
  const brokers = brokersText.split(',').map((broker) => broker.trim()).filter(Boolean);
  const badBroker = brokers.find((broker) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(broker));
  if (brokers.length === 0 || badBroker !== undefined) {
    issues.push(`KAFKA_BROKERS must be host:port[,host:port…] (got '${badBroker ?? brokersText}')`);
  }
  const flag = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') issues.push(`${name} must be true or false (got '${raw}')`);
    return raw === 'true';
  };
  const ssl = flag('KAFKA_SSL', false);
  const sasl = saslOf(read, issues);
  const settings: KafkaSettings = {
    client: { clientId: read('KAFKA_CLIENT_ID') ?? 'rectify-engine', brokers, ssl, ...(sasl ? { sasl } : {}) },
    consumerGroup: read('KAFKA_CONSUMER_GROUP') ?? 'rectify-finding-submissions',
    relay: flag('KAFKA_RELAY', true),
    consumer: flag('KAFKA_CONSUMER', true),
  };
  if (issues.length > 0) throw new KafkaConfigError(issues);
  return settings;
}

function saslOf(read: (name: string) => string | undefined, issues: string[]): SASLOptions | undefined {
  const mechanism = read('KAFKA_SASL_MECHANISM');
  if (mechanism === undefined) return undefined;
  if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism)) {
    issues.push(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')} (got '${mechanism}')`);
    return undefined;
  }
  const username = read('KAFKA_SASL_USERNAME');
  const password = read('KAFKA_SASL_PASSWORD');
  if (username === undefined || password === undefined) {
    issues.push('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM');
    return undefined;
  }
  return { mechanism, username, password } as SASLOptions;
}
