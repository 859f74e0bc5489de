import { createTestDatabase } from '@rectify/testing';
import { Pool } from 'pg';
import { ids, newEvent, sleep, waitFor } from '../contract/contract-fixtures';
import type { RecordedEvent } from '../event-store.port';
import { compareLogPositions } from '../log-position';
import { CheckpointedSubscription } from '../subscription/checkpointed-subscription';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { untilReadable } from '../testing/port-only';

describe('gap-free reading on PostgreSQL', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('event_store_gap_free'), max: 20 });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  function collector(name: string): { subscription: CheckpointedSubscription; seen: RecordedEvent[] } {
    const seen: RecordedEvent[] = [];
    const subscription = new CheckpointedSubscription({
      name, pool, batchSize: 2, pollIntervalMs: 5,
      handle: async (events) => void seen.push(...events),
    });
    return { subscription, seen };
  }

  it('holds back events committed after a still-open transaction, then delivers all exactly once', async () => {
    const { subscription, seen } = collector('slow-writer');
    const early = (await store.append('early', [newEvent(), newEvent()], { expectedVersion: 0 })).events;
    await untilReadable(store, early[1].logPosition); // other test databases' transactions can hold the server-wide horizon

    const slowTx = await pool.connect();
    await slowTx.query('BEGIN');
    const [slow] = (await store.appendInTransaction(slowTx, 'slow', [newEvent()], { expectedVersion: 0 })).events;
    const late: RecordedEvent[] = [];
    for (const stream of ['late-1', 'late-2', 'late-3']) {
      late.push(...(await store.append(stream, [newEvent()], { expectedVersion: 0 })).events);
    }

    // The trap: the slow event took a smaller global_position than the committed late ones, so
    // a reader ordering by global_position alone would deliver them and checkpoint past it.
    expect(late.every((event) => event.globalPosition > slow.globalPosition)).toBe(true);
    const naive = await pool.query<{ id: string }>('SELECT event_id::text AS id FROM events ORDER BY global_position');
    expect(naive.rows.map((row) => row.id)).toEqual([...ids(early), ...ids(late)]);

    // catchUp waits for everything committed before the call, which the open transaction holds back.
    await expect(subscription.catchUp({ timeoutMs: 300 })).rejects.toThrow(/held back/);
    expect(ids(seen)).toEqual(ids(early));
    expect(ids(await store.readAll())).toEqual(ids(early));

    await slowTx.query('COMMIT');
    slowTx.release();
    await subscription.catchUp();
    expect(ids(seen)).toEqual([...ids(early), slow.id, ...ids(late)]);
    expect((await subscription.status()).position).toEqual(late[2].logPosition);
  });

  it('loses and repeats nothing under many interleaved slow and fast writers', async () => {
    const { subscription, seen } = collector('stress');
    await subscription.catchUp();
    const before = seen.length;
    await subscription.start();
    const written = (await Promise.all(Array.from({ length: 8 }, (_, writer) => runWriter(writer)))).flat();
    await waitFor('every event to be delivered', () => seen.length - before >= written.length, 30_000);
    await subscription.stop();

    const delivered = seen.slice(before);
    expect(new Set(ids(delivered)).size).toBe(delivered.length);
    expect(new Set(ids(delivered))).toEqual(new Set(ids(written)));
    delivered.slice(1).forEach((event, i) => expect(compareLogPositions(delivered[i].logPosition, event.logPosition)).toBe(-1));
  });

  async function runWriter(writer: number): Promise<RecordedEvent[]> {
    const written: RecordedEvent[] = [];
    for (let i = 0; i < 20; i += 1) {
      const stream = `writer-${writer}`;
      if (i % 3 !== 0) {
        written.push(...(await store.append(stream, [newEvent(), newEvent()], { expectedVersion: 'any' })).events);
        continue;
      }
      const tx = await pool.connect();
      await tx.query('BEGIN');
      written.push(...(await store.appendInTransaction(tx, stream, [newEvent()], { expectedVersion: 'any' })).events);
      await sleep(Math.random() * 25); // commit late, after others took higher positions
      await tx.query('COMMIT');
      tx.release();
    }
    return written;
  }
});
