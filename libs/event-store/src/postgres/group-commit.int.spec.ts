import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { newEvent, streamName } from '../contract/contract-fixtures';
import { CommandKeyTakenError, ConcurrencyError } from '../errors';
import type { AppendOptions, AppendResult, NewEvent } from '../event-store.port';
import { computeEventHash } from '../hashing/event-hash';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';

/**
 * Group commit: appends queued while a batch runs share the next batch's transaction. With one
 * batch in flight, appends issued in the same tick after a first one form exactly one batch.
 */
describe('PostgresEventStore group commit', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('group_commit'), max: 4 });
    await migratePostgresEventStore(pool);
    // A test-only fault: the database refuses events whose type starts with 'Poison'.
    await pool.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'poisoned event %', NEW.type; END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON events FOR EACH ROW
        WHEN (NEW.type LIKE 'Poison%') EXECUTE FUNCTION refuse_poison();`);
    store = new PostgresEventStore(pool, () => new Date(), { groupCommit: { maxInFlight: 1 } });
  });
  afterAll(() => pool.end());

  const withKey = (expectedVersion: number, key = `key-${randomUUID()}`): AppendOptions => ({
    expectedVersion,
    command: { key, requestHash: 'h', response: (r: AppendResult) => ({ version: r.nextExpectedVersion }) },
  });

  /** Runs `appends` as one batch: a first append occupies the only slot while they queue. */
  async function oneBatch(appends: (() => Promise<AppendResult>)[]): Promise<PromiseSettledResult<AppendResult>[]> {
    const blocker = store.append(streamName('blocker'), [newEvent()], { expectedVersion: 0 });
    const outcomes = Promise.allSettled(appends.map((append) => append()));
    await blocker;
    return outcomes;
  }

  const commitOf = (outcome: PromiseSettledResult<AppendResult>) =>
    outcome.status === 'fulfilled' ? outcome.value.events[0].logPosition.commit : null;

  it('commits queued appends in one transaction, each with its command record and hash chain', async () => {
    const existing = streamName();
    const first = await store.append(existing, [newEvent()], { expectedVersion: 0 });
    const streams = [streamName(), streamName(), existing];
    const keys = streams.map(() => `key-${randomUUID()}`);
    const outcomes = await oneBatch(streams.map((stream, i) => () =>
      store.append(stream, [newEvent(), newEvent()], withKey(stream === existing ? 1 : 0, keys[i]))));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(new Set(outcomes.map(commitOf)).size).toBe(1);
    for (const key of keys) expect(await store.findCommand(key)).toMatchObject({ requestHash: 'h' });
    const stored = await store.readStream(existing);
    expect(stored.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(stored[1].prevHash).toBe(first.events[0].hash);
    for (const event of stored) expect(computeEventHash(event)).toBe(event.hash);
    const appended = (outcomes[2] as PromiseFulfilledResult<AppendResult>).value.events;
    expect(appended).toEqual(stored.slice(1));
    expect(await store.findCommand(keys[2])).toMatchObject({ response: { version: 3 } });
  });

  it('fails only the conflicting append of a batch and writes nothing for it', async () => {
    const moved = streamName();
    await store.append(moved, [newEvent()], { expectedVersion: 0 });
    const conflictingKey = `key-${randomUUID()}`;
    const [a, conflicting, c] = await oneBatch([
      () => store.append(streamName(), [newEvent()], withKey(0)),
      () => store.append(moved, [newEvent()], withKey(0, conflictingKey)),
      () => store.append(streamName(), [newEvent()], withKey(0)),
    ]);

    expect(a.status).toBe('fulfilled');
    expect(c.status).toBe('fulfilled');
    expect(commitOf(a)).toBe(commitOf(c));
    expect(conflicting.status === 'rejected' && conflicting.reason).toEqual(new ConcurrencyError(moved, 0, 1));
    expect(await store.streamVersion(moved)).toBe(1);
    expect(await store.findCommand(conflictingKey)).toBeNull();
  });

  it('answers a retry inside a batch with the stored events, and a taken key fails alone', async () => {
    const retried = streamName();
    const events: NewEvent[] = [newEvent(), newEvent()];
    const original = await store.append(retried, events, withKey(0));
    const takenKey = `key-${randomUUID()}`;
    await store.recordCommand(takenKey, 'h0', { first: true });
    const refusedStream = streamName();
    const [retry, taken, fresh] = await oneBatch([
      () => store.append(retried, events, withKey(0)),
      () => store.append(refusedStream, [newEvent()], withKey(0, takenKey)),
      () => store.append(streamName(), [newEvent()], withKey(0)),
    ]);

    expect(retry).toEqual({ status: 'fulfilled', value: { ...original, duplicate: true } });
    expect(taken.status === 'rejected' && taken.reason).toBeInstanceOf(CommandKeyTakenError);
    expect(await store.streamVersion(refusedStream)).toBe(0);
    expect(fresh.status).toBe('fulfilled');
    expect(await store.readStream(retried)).toHaveLength(2);
  });

  it('treats two identical appends queued together as one append and one retry', async () => {
    const stream = streamName();
    const events = [newEvent()];
    const [one, two] = await oneBatch([
      () => store.append(stream, events, { expectedVersion: 0 }),
      () => store.append(stream, events, { expectedVersion: 0 }),
    ]);
    const results = [one, two].map((o) => (o as PromiseFulfilledResult<AppendResult>).value);
    expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
    expect(results[0].events).toEqual(results[1].events);
    expect(await store.readStream(stream)).toHaveLength(1);
  });

  it('fails every caller of a batch the database refuses, and writes nothing of it', async () => {
    const streams = [streamName(), streamName()];
    const keys = streams.map(() => `key-${randomUUID()}`);
    const outcomes = await oneBatch(streams.map((stream, i) => () =>
      store.append(stream, [newEvent(), newEvent('PoisonEvent')], withKey(0, keys[i]))));

    for (const outcome of outcomes) expect(outcome.status === 'rejected' && String(outcome.reason)).toMatch(/poisoned event/);
    for (const stream of streams) expect(await store.streamVersion(stream)).toBe(0);
    for (const key of keys) expect(await store.findCommand(key)).toBeNull();
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = ANY($1)', [streams]);
    expect(rows[0].n).toBe(0);
  });

  it('retries the rest of a refused batch alone, so one faulty append fails alone', async () => {
    const faulty = streamName();
    const [good, bad, alsoGood] = await oneBatch([
      () => store.append(streamName(), [newEvent()], withKey(0)),
      () => store.append(faulty, [newEvent('PoisonEvent')], withKey(0)),
      () => store.append(streamName(), [newEvent()], withKey(0)),
    ]);

    expect([good.status, bad.status, alsoGood.status]).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.streamVersion(faulty)).toBe(0);
  });

  it('stores a response that depends on database-assigned positions (one-transaction path)', async () => {
    const key = `key-${randomUUID()}`;
    const result = await store.append(streamName(), [newEvent()], {
      expectedVersion: 0,
      command: { key, requestHash: 'h', response: (r) => ({ position: String(r.events[0].globalPosition), hash: r.events[0].hash }) },
    });
    expect(await store.findCommand(key)).toMatchObject({
      response: { position: String(result.events[0].globalPosition), hash: result.events[0].hash },
    });
  });

  it('keeps appendInTransaction for callers that own the transaction', async () => {
    const stream = streamName();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.appendInTransaction(client, stream, [newEvent()], { expectedVersion: 0 });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await store.streamVersion(stream)).toBe(0);
  });
});
