import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, saveCheckpoint, untilReadable, type NewEvent } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateReadModels } from '../schema/read-model.schema';
import { awaitViewsAt, ViewNotCaughtUpError, viewProjectionName } from './view-barrier';

const event = (type: string): NewEvent => ({
  id: randomUUID(),
  type,
  data: {},
  metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
  occurredAt: new Date('2024-03-01T02:00:00Z'),
});

describe('awaitViewsAt: a reaction reads a view only once it has folded the log up to the reaction event', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const view = { name: 'barrier-test', eventTypes: ['Watched'] };

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('view_barrier'), max: 4 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    store = new PostgresEventStore(pool);
    await pool.query(`INSERT INTO subscription_checkpoints (name) VALUES ($1) ON CONFLICT DO NOTHING`, [viewProjectionName(view)]);
  });
  afterAll(() => pool.end());

  const checkpointAt = async (position: { commit: bigint; prepare: bigint }) => {
    const client = await pool.connect();
    try {
      await saveCheckpoint(client, viewProjectionName(view), position);
    } finally {
      client.release();
    }
  };

  it('waits while an event of the view\'s types before the position is unfolded, and goes on once the checkpoint passes it', async () => {
    const watched = (await store.append(`s-${randomUUID()}`, [event('Watched')], { expectedVersion: 0 })).events[0];
    const trigger = (await store.append(`s-${randomUUID()}`, [event('Trigger')], { expectedVersion: 0 })).events[0];

    await expect(awaitViewsAt(pool, store, [view], trigger.logPosition, { timeoutMs: 150 })).rejects.toBeInstanceOf(ViewNotCaughtUpError);

    const waiting = awaitViewsAt(pool, store, [view], trigger.logPosition, { timeoutMs: 30_000 });
    await checkpointAt(watched.logPosition); // folded the Watched event; its checkpoint rests before the trigger
    await expect(waiting).resolves.toBeUndefined();
  });

  it('does not wait for events of other types', async () => {
    const other = (await store.append(`s-${randomUUID()}`, [event('Unrelated')], { expectedVersion: 0 })).events[0];
    await untilReadable(store, other.logPosition); // as when a subscription delivers it
    await expect(awaitViewsAt(pool, store, [view], other.logPosition, { timeoutMs: 150 })).resolves.toBeUndefined();
  });
});
