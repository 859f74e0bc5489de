import { createTestDatabase } from '@rectify/testing';
import { Pool } from 'pg';
import type { EventStoreUnderTest } from '../contract/contract-fixtures';
import { connectKurrentDb } from './kurrentdb-connection';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { migrateKurrentDbSupport } from './kurrentdb-support.schema';

/** Image of the single-node KurrentDB the contract suite runs against. */
export const KURRENTDB_TEST_IMAGE = 'docker.kurrent.io/kurrent-latest/kurrentdb:25.1';

/**
 * The adapter factory of the KurrentDB contract suite: a throw-away KurrentDB node
 * (testcontainers, insecure, in-memory) plus a fresh PostgreSQL database for command records,
 * the event-id index and checkpoints. Needs a container runtime (see containerRuntimeAvailable).
 */
export async function startKurrentDbForTests(): Promise<EventStoreUnderTest> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const container = await new GenericContainer(process.env.KURRENTDB_TEST_IMAGE ?? KURRENTDB_TEST_IMAGE)
    .withEnvironment({
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_MEM_DB: 'true',
      KURRENTDB_RUN_PROJECTIONS: 'None',
      KURRENTDB_ENABLE_ATOM_PUB_OVER_HTTP: 'false',
    })
    .withExposedPorts(2113)
    .withWaitStrategy(Wait.forHttp('/health/live', 2113).forStatusCode(204))
    .start();
  const client = await connectKurrentDb(`kurrentdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`);
  const pool = new Pool({ connectionString: await createTestDatabase('kurrentdb_contract'), max: 12 });
  await migrateKurrentDbSupport(pool);
  return {
    store: new KurrentDbEventStore(client, pool),
    teardown: async () => {
      await client.dispose();
      await pool.end();
      await container.stop();
    },
  };
}
