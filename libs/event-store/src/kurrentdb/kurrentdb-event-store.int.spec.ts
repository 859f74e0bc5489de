import { containerRuntimeProbed } from '@rectify/testing';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { startKurrentDbForTests } from './kurrentdb-test-container';

/**
 * The same contract suite as the PostgreSQL adapter, against a real KurrentDB in a container
 * (testcontainers). Without a container runtime it prints the skip line and registers one
 * skipped test under that name: never a silent pass.
 */
const SKIP_LINE = 'SKIPPED: no container runtime (KurrentDB contract)';

if (containerRuntimeProbed()) {
  describeEventStoreContract('KurrentDbEventStore', startKurrentDbForTests);
} else {
  console.log(SKIP_LINE);
  it.skip(SKIP_LINE, () => undefined);
}
