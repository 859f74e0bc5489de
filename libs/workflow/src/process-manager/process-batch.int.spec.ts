import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import type { TimerRequest } from '@rectify/domain';
import { ConcurrencyError, PostgresEventStore, computeEventHash, migratePostgresEventStore, withTransaction, type RecordedEvent } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { applyEventBatch } from './process-batch';
import type { ProcessManager } from './process-manager';
import { migrateWorkflow } from './workflow.schema';

type Moved = { type: 'DeadlineMoved'; data: { dueAt: string } };

/** Each `Move` event moves the instance's one timer to data.dueAt. */
const mover: ProcessManager<{ dueAt: string | null }, Moved> = {
  name: 'mover',
  inputTypes: ['Move'],
  route: (event) => String(event.data.thingId),
  initialState: () => ({ dueAt: null }),
  evolve: (state, event) => (event.type === 'DeadlineMoved' ? { dueAt: event.data.dueAt } : state),
  context: async () => undefined,
  decide: (input) => (input.kind === 'event' ? [{ type: 'DeadlineMoved', data: { dueAt: String(input.event.data.dueAt) } }] : []),
  timers: (state): TimerRequest[] => (state.dueAt ? [{ key: 'due', dueAt: state.dueAt }] : []),
};

describe('applyEventBatch: a subscription batch into several process instances', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('process_batch'), max: 4 });
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  const move = async (thingId: string, dueAt: string): Promise<RecordedEvent> => {
    const result = await store.append(`thing-${thingId}-${randomUUID()}`, [{
      id: randomUUID(), type: 'Move', data: { thingId, dueAt }, occurredAt: new Date('2023-01-19T02:00:00Z'),
      metadata: { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
    return result.events[0];
  };
  const inTransaction = <T>(work: (tx: PoolClient) => Promise<T>): Promise<T> => withTransaction(pool, work);
  const now = { now: new Date('2023-01-19T02:00:00Z') };
  const timersOf = async (thingId: string) =>
    (await pool.query<{ due_at: Date }>('SELECT due_at FROM workflow_timers WHERE stream_id = $1', [`mover-${thingId}`])).rows.map((r) => r.due_at.toISOString());
  const versionsOf = async (thingId: string) => (await store.readStream(`mover-${thingId}`)).map((e) => e.data.dueAt);

  it('decides each event in order on the instance state so far, and leaves each instance the timers of its final state', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const batch = [await move(a, '2023-02-01T02:00:00Z'), await move(b, '2023-02-02T02:00:00Z'), await move(a, '2023-02-03T02:00:00Z')];
    expect(await inTransaction((tx) => applyEventBatch(tx, mover, batch, now))).toEqual({ decided: 3, nothing: 0, duplicate: 0 });
    expect(await versionsOf(a)).toEqual(['2023-02-01T02:00:00Z', '2023-02-03T02:00:00Z']);
    expect(await timersOf(a)).toEqual(['2023-02-03T02:00:00.000Z']);
    expect(await timersOf(b)).toEqual(['2023-02-02T02:00:00.000Z']);

    // An instance that existed before the batch: its unwanted rows go.
    const later = [await move(a, '2023-02-10T02:00:00Z')];
    await inTransaction((tx) => applyEventBatch(tx, mover, later, now));
    expect(await timersOf(a)).toEqual(['2023-02-10T02:00:00.000Z']);
    expect(await timersOf(b)).toEqual(['2023-02-02T02:00:00.000Z']);

    // A replayed batch (checkpoint lost) changes nothing.
    expect(await inTransaction((tx) => applyEventBatch(tx, mover, [...batch, ...later], now))).toEqual({ decided: 0, nothing: 0, duplicate: 4 });
    expect(await versionsOf(a)).toHaveLength(3);
    expect(await timersOf(a)).toEqual(['2023-02-10T02:00:00.000Z']);
  });

  it('waits for an instance a timer poller holds, so the two paths never interleave on one instance', async () => {
    const thing = randomUUID();
    const event = await move(thing, '2023-03-01T02:00:00Z');
    const poller = await pool.connect();
    await poller.query('BEGIN');
    await poller.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`mover-${thing}`]);
    let done = false;
    const applying = inTransaction((tx) => applyEventBatch(tx, mover, [event], now)).then(() => (done = true));
    // Deterministic: the batch is waiting on the advisory lock the "poller" holds.
    while (Number((await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0].n) === 0) {
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(done).toBe(false);
    expect(await versionsOf(thing)).toEqual([]);
    await poller.query('COMMIT');
    poller.release();
    await applying;
    expect(await versionsOf(thing)).toEqual(['2023-03-01T02:00:00Z']);
  });

  it('appends every instance\'s decisions in one statement, whatever the batch size, each stream hash-chained', async () => {
    const things = [randomUUID(), randomUUID(), randomUUID()];
    const batch: RecordedEvent[] = [];
    for (const thing of things) batch.push(await move(thing, '2023-04-01T02:00:00Z'), await move(thing, '2023-04-02T02:00:00Z'));
    let statements = 0;
    await inTransaction((tx) => {
      const query = tx.query.bind(tx) as (...args: unknown[]) => unknown;
      (tx as unknown as { query: unknown }).query = (...args: unknown[]) => (statements++, query(...args));
      return applyEventBatch(tx, mover, batch, now).finally(() => ((tx as unknown as { query: unknown }).query = query));
    });
    // Lock the instances, load their histories, append, timers.
    expect(statements).toBe(4);
    for (const thing of things) {
      const stored = await store.readStream(`mover-${thing}`);
      expect(stored.map((e) => [e.version, e.data.dueAt])).toEqual([[1, '2023-04-01T02:00:00Z'], [2, '2023-04-02T02:00:00Z']]);
      expect(stored[1].prevHash).toBe(stored[0].hash);
      for (const event of stored) expect(computeEventHash(event)).toBe(event.hash);
      expect(await timersOf(thing)).toEqual(['2023-04-02T02:00:00.000Z']);
    }
  });

  it('rolls the whole batch back when a process stream moved under it, and appends once on the retry', async () => {
    const [thing, bystander] = [randomUUID(), randomUUID()];
    const batch = [await move(bystander, '2023-05-01T02:00:00Z'), await move(thing, '2023-05-02T02:00:00Z')];
    let intruded = false;
    // A writer that ignores the instance lock appends to the process stream after the batch loaded it.
    const intruding: typeof mover = {
      ...mover,
      context: async (input) => {
        if (!intruded && input.kind === 'event' && input.event.data.thingId === thing) {
          intruded = true;
          await store.append(`mover-${thing}`, [{
            id: randomUUID(), type: 'DeadlineMoved', data: { dueAt: '2023-05-09T02:00:00Z' }, occurredAt: now.now,
            metadata: { actorId: 'intruder', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
          }], { expectedVersion: 0 });
        }
      },
    };
    const error = await inTransaction((tx) => applyEventBatch(tx, intruding, batch, now)).catch((e: unknown) => e);
    expect(error).toEqual(new ConcurrencyError(`mover-${thing}`, 0, 1));
    expect(await versionsOf(thing)).toEqual(['2023-05-09T02:00:00Z']);
    expect(await versionsOf(bystander)).toEqual([]);
    expect(await timersOf(bystander)).toEqual([]);

    // The subscription retries the batch: each event decided once, on the stream as it now is.
    expect(await inTransaction((tx) => applyEventBatch(tx, intruding, batch, now))).toEqual({ decided: 2, nothing: 0, duplicate: 0 });
    expect(await versionsOf(thing)).toEqual(['2023-05-09T02:00:00Z', '2023-05-02T02:00:00Z']);
    expect(await versionsOf(bystander)).toEqual(['2023-05-01T02:00:00Z']);
    expect(await timersOf(thing)).toEqual(['2023-05-02T02:00:00.000Z']);
  });
});
