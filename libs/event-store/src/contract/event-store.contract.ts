import type { EventStore } from '../event-store.port';
import { appendContract } from './append.contract';
import { commandContract } from './command.contract';
import type { EventStoreFactory, EventStoreUnderTest } from './contract-fixtures';
import { readContract } from './read.contract';

export type { EventStoreFactory, EventStoreUnderTest } from './contract-fixtures';

/**
 * The one behavioural contract of the EventStore port. Every adapter runs it:
 *   describeEventStoreContract('PostgresEventStore', async () => ({ store, teardown }));
 * It uses only the port (no SQL), fresh stream ids per test, and tolerates other events in
 * the store (readAll assertions start from headPosition()).
 */
export function describeEventStoreContract(name: string, factory: EventStoreFactory): void {
  describe(`EventStore contract: ${name}`, () => {
    let subject: EventStoreUnderTest | undefined;
    const store = (): EventStore => {
      if (!subject) throw new Error('the store factory has not completed');
      return subject.store;
    };

    beforeAll(async () => {
      subject = await factory();
    });
    afterAll(async () => {
      await subject?.teardown();
    });

    appendContract(store);
    readContract(store);
    commandContract(store);
  });
}
