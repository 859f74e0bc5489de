import { createTestDatabase } from '@rectify/testing';
import { Pool, type PoolClient } from 'pg';
import { ids, newEvent, sleep, waitFor } from '../contract/contract-fixtures';
import { LOG_START, type RecordedEvent } from '../event-store.port';
import { compareLogPositions } from '../log-position';
import { migratePostgresEventStore } from '../postgres/migrate-postgres-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { CheckpointedSubscription } from './checkpointed-subscription';
import { PgNotificationWakeUp } from './event-wake-up';
import type { CheckpointedSubscriptionOptions } from './subscription.types';

describe('CheckpointedSubscription', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const running: CheckpointedSubscription[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('event_store_subscription') });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
    await pool.query('CREATE TABLE stream_counts (stream_id text PRIMARY KEY, n int NOT NULL)');
  });
  afterEach(async () => void (await Promise.all(running.splice(0).map((s) => s.stop()))));
  afterAll(() => pool.end());

  function subscription(options: Omit<CheckpointedSubscriptionOptions, 'pool'>): CheckpointedSubscription {
    const created = new CheckpointedSubscription({ pool, pollIntervalMs: 10, initialBackoffMs: 10, maxBackoffMs: 50, ...options });
    running.push(created);
    return created;
  }

  async function appendAll(stream: string, count: number): Promise<RecordedEvent[]> {
    return (await store.append(stream, Array.from({ length: count }, () => newEvent()), { expectedVersion: 'any' })).events;
  }

  it('records a failing event, never skips it, retries with backoff and leaves other subscriptions alone', async () => {
    const events = await appendAll('poison-stream', 5);
    const poison = events[2].id;
    let broken = true;
    const fragileSeen: RecordedEvent[] = [];
    const healthySeen: RecordedEvent[] = [];
    const fragile = subscription({
      name: 'fragile',
      handle: async (batch) => {
        if (broken && ids(batch).includes(poison)) throw new Error(`cannot project ${poison}`);
        fragileSeen.push(...batch);
      },
    });
    const healthy = subscription({ name: 'healthy', handle: async (batch) => void healthySeen.push(...batch) });
    await Promise.all([fragile.start(), healthy.start()]);

    await waitFor('the healthy subscription to finish', () => healthySeen.length === events.length);
    await waitFor('repeated failures', async () => (await fragile.status()).failedAttempts >= 3);
    const failing = await fragile.status();
    expect(failing).toMatchObject({
      name: 'fragile',
      position: events[1].logPosition, // narrowed: the events before the poison got through
      errorPosition: events[2].logPosition,
      lagging: true,
    });
    expect(failing.lastError).toContain(`cannot project ${poison}`);
    expect(ids(fragileSeen)).toEqual(ids(events.slice(0, 2)));
    expect(await healthy.status()).toMatchObject({ position: events[4].logPosition, lagging: false, failedAttempts: 0 });

    broken = false;
    await waitFor('the fixed handler to proceed', async () => !(await fragile.status()).lagging);
    expect(ids(fragileSeen)).toEqual(ids(events));
    expect(await fragile.status()).toMatchObject({ lastError: null, errorPosition: null, failedAttempts: 0 });
  });

  it('commits handler effects and checkpoint together: a crash after writing effects leaves neither', async () => {
    const events = [...(await appendAll('count-a', 3)), ...(await appendAll('count-b', 2))];
    await visible(events[4]); // the log horizon is server-wide: other test files may hold it back
    let crash = true;
    const projection = subscription({
      name: 'counts',
      batchSize: 50,
      types: ['Something.Happened'],
      handle: async (batch, tx) => {
        await countPerStream(batch, tx);
        if (crash) throw new Error('crash after writing effects');
      },
    });
    await expect(projection.catchUp()).rejects.toThrow('crash after writing effects');
    expect(await counts()).toEqual({});
    expect((await projection.status()).position).toEqual(LOG_START);

    crash = false;
    await projection.catchUp();
    const expected = { ...(await counts()) };
    expect(expected['count-a']).toBe(3);
    expect(expected['count-b']).toBe(2);
    await projection.catchUp(); // nothing new: nothing counted twice
    expect(await counts()).toEqual(expected);
    expect((await projection.status()).position).toEqual(events[4].logPosition);

    await pool.query('TRUNCATE stream_counts');
    await projection.reset();
    expect((await projection.status()).position).toEqual(LOG_START);
    await projection.catchUp(); // rebuild
    expect(await counts()).toEqual(expected);
  });

  it('wakes up on NOTIFY long before the next poll', async () => {
    const wakeUp = new PgNotificationWakeUp(pool);
    await wakeUp.start();
    const seen: RecordedEvent[] = [];
    const live = subscription({ name: 'live', pollIntervalMs: 60_000, wakeUp, handle: async (b) => void seen.push(...b) });
    try {
      await live.start();
      await sleep(100); // the first (immediate) poll has run; the next one is a minute away
      const before = seen.length;
      const [event] = await appendAll('live-stream', 1);
      await waitFor('the notified delivery', () => ids(seen).includes(event.id), 10_000);
      expect(seen.length).toBe(before + 1);
    } finally {
      await live.stop();
      await wakeUp.stop();
    }
  });

  async function visible(event: RecordedEvent): Promise<void> {
    await waitFor('the event to pass the horizon', async () => compareLogPositions(await store.headPosition(), event.logPosition) >= 0);
  }

  async function countPerStream(batch: RecordedEvent[], tx: PoolClient): Promise<void> {
    for (const event of batch) {
      await tx.query(
        `INSERT INTO stream_counts (stream_id, n) VALUES ($1, 1)
         ON CONFLICT (stream_id) DO UPDATE SET n = stream_counts.n + 1`,
        [event.streamId],
      );
    }
  }

  async function counts(): Promise<Record<string, number>> {
    const { rows } = await pool.query<{ stream_id: string; n: number }>('SELECT stream_id, n FROM stream_counts');
    return Object.fromEntries(rows.filter((r) => r.stream_id.startsWith('count-')).map((r) => [r.stream_id, r.n]));
  }
});
