import { KafkaConfigError, kafkaSettingsFromEnv } from './kafka-settings';

describe('Kafka settings', () => {
  it('is off without KAFKA_BROKERS: the engine runs whole without Kafka', () => {
    expect(kafkaSettingsFromEnv({})).toBeNull();
    expect(kafkaSettingsFromEnv({ KAFKA_BROKERS: '  ' })).toBeNull();
  });

  it('reads brokers, client id, group, TLS and SASL with defaults', () => {
    expect(kafkaSettingsFromEnv({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092' })).toEqual({
      client: { clientId: 'rectify-engine', brokers: ['kafka-1:9092', 'kafka-2:9092'], ssl: false },
      consumerGroup: 'rectify-finding-submissions',
      relay: true,
      consumer: true,
    });
    const secured = kafkaSettingsFromEnv({
      KAFKA_BROKERS: 'b:9093', KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p',
      KAFKA_CONSUMER: 'false',
    });
    expect(secured).toMatchObject({ client: { ssl: true, sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } }, consumer: false });
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      kafkaSettingsFromEnv({ KAFKA_BROKERS: 'kafka-1', KAFKA_SSL: 'yes', KAFKA_SASL_MECHANISM: 'gssapi' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KafkaConfigError);
    expect((error as KafkaConfigError).issues).toEqual([
      "KAFKA_BROKERS must be host:port[,host:port…] (got 'kafka-1')",
      "KAFKA_SSL must be true or false (got 'yes')",
      "KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512 (got 'gssapi')",
    ]);
  });
});
