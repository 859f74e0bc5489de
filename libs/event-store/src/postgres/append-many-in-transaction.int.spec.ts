import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { newEvent, rejectionOf, streamName, waitFor } from '../contract/contract-fixtures';
import { ConcurrencyError, DuplicateEventIdError } from '../errors';
import { LOG_START, type AppendResult, type NewEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hashing/event-hash';
import { appendManyInTransaction, type StreamAppend } from './append-many-in-transaction';
import { headPositionWith, readAllWith } from './event-reads';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { untilReadable } from '../testing/port-only';

/** Several streams appended in ONE statement inside a transaction the caller owns. */
describe('appendManyInTransaction', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const at = new Date('2024-05-02T03:04:05.678Z');

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('append_many'), max: 6 });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool, () => at, { groupCommit: false });
  });
  afterAll(() => pool.end());

  /** Runs work in a transaction; commits unless it throws (then rolls back and rethrows). */
  async function inTransaction<T>(work: (tx: PoolClient) => Promise<T>, client?: PoolClient): Promise<T> {
    const tx = client ?? (await pool.connect());
    try {
      await tx.query('BEGIN');
      const result = await work(tx);
      await tx.query('COMMIT');
      return result;
    } catch (error) {
      await tx.query('ROLLBACK');
      throw error;
    } finally {
      if (!client) tx.release();
    }
  }

  const appendMany = (appends: StreamAppend[]) => inTransaction((tx) => appendManyInTransaction(tx, appends, at));

  it('appends to several streams in one statement: versions, hash chain from each head, one transaction', async () => {
    const existing = streamName();
    const first = await store.append(existing, [newEvent()], { expectedVersion: 0 });
    const [fresh, other] = [streamName(), streamName()];
    const appends: StreamAppend[] = [
      { streamId: fresh, events: [newEvent(), newEvent()], options: { expectedVersion: 0 } },
      { streamId: existing, events: [newEvent()], options: { expectedVersion: 1 } },
      { streamId: other, events: [newEvent()], options: { expectedVersion: 'any' } },
    ];
    let statements = 0;
    const results = await inTransaction((tx) => {
      const query = tx.query.bind(tx) as (...args: unknown[]) => unknown;
      (tx as unknown as { query: (...args: unknown[]) => unknown }).query = (...args) => (statements++, query(...args));
      return appendManyInTransaction(tx, appends, at).finally(() => ((tx as unknown as { query: unknown }).query = query));
    });

    expect(statements).toBe(1);
    expect(results.map((r) => [r.streamId, r.nextExpectedVersion, r.duplicate])).toEqual([[fresh, 2, false], [existing, 2, false], [other, 1, false]]);
    for (const [i, result] of results.entries()) {
      const stored = await store.readStream(appends[i].streamId);
      expect(stored.slice(-result.events.length)).toEqual(result.events);
      for (const event of stored) expect(computeEventHash(event)).toBe(event.hash);
    }
    expect(results[0].events[0].prevHash).toBe(GENESIS_HASH);
    expect(results[0].events[1].prevHash).toBe(results[0].events[0].hash);
    expect(results[1].events[0].prevHash).toBe(first.events[0].hash);
    expect(new Set(results.flatMap((r) => r.events.map((e) => e.logPosition.commit))).size).toBe(1);
    expect(results[0].events[0].recordedAt).toEqual(at);
  });

  it('throws ConcurrencyError for a stream not at its expected version; the rolled-back call writes nothing', async () => {
    const moved = streamName();
    await store.append(moved, [newEvent()], { expectedVersion: 0 });
    const untouched = streamName();
    const error = await rejectionOf(appendMany([
      { streamId: untouched, events: [newEvent()], options: { expectedVersion: 0 } },
      { streamId: moved, events: [newEvent()], options: { expectedVersion: 0 } },
    ]));

    expect(error).toEqual(new ConcurrencyError(moved, 0, 1));
    expect(await store.streamVersion(moved)).toBe(1);
    expect(await store.streamVersion(untouched)).toBe(0);
  });

  it('makes a concurrent writer of the same stream wait for the head, then fail: never a double append', async () => {
    const stream = streamName();
    const holder = await pool.connect();
    try {
      await holder.query('BEGIN');
      await appendManyInTransaction(holder, [{ streamId: stream, events: [newEvent()], options: { expectedVersion: 0 } }], at);
      const second = rejectionOf(appendMany([{ streamId: stream, events: [newEvent()], options: { expectedVersion: 0 } }]));
      await waitFor('the second writer to wait on the stream head', async () =>
        Number((await pool.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'transactionid' AND NOT granted`)).rows[0].n) > 0);
      await holder.query('COMMIT');
      expect(await second).toEqual(new ConcurrencyError(stream, 0, 1));
    } finally {
      holder.release();
    }
    expect(await store.streamVersion(stream)).toBe(1);
  });

  it('answers a retry with the stored events (duplicate) and appends the rest of the call', async () => {
    const retried = streamName();
    const events: NewEvent[] = [newEvent(), newEvent()];
    const [original] = await appendMany([{ streamId: retried, events, options: { expectedVersion: 0 } }]);
    const fresh = streamName();
    const [retry, appended] = await appendMany([
      { streamId: retried, events: events.map((e) => ({ ...e, id: e.id.toUpperCase() })), options: { expectedVersion: 0 } },
      { streamId: fresh, events: [newEvent()], options: { expectedVersion: 0 } },
    ]);

    expect(retry).toEqual<AppendResult>({ ...original, duplicate: true });
    expect(appended.duplicate).toBe(false);
    expect(await store.readStream(retried)).toHaveLength(2);
    expect(await store.streamVersion(fresh)).toBe(1);
  });

  it('refuses an event id stored in another stream, and the same stream, id or key twice in one call', async () => {
    const taken = newEvent();
    await store.append(streamName(), [taken], { expectedVersion: 0 });
    expect(await rejectionOf(appendMany([{ streamId: streamName(), events: [taken], options: { expectedVersion: 0 } }]))).toBeInstanceOf(DuplicateEventIdError);

    const stream = streamName();
    const twice = newEvent();
    for (const appends of [
      [{ streamId: stream, events: [newEvent()], options: { expectedVersion: 0 } }, { streamId: stream, events: [newEvent()], options: { expectedVersion: 0 } }],
      [{ streamId: streamName(), events: [twice], options: { expectedVersion: 0 } }, { streamId: streamName(), events: [twice], options: { expectedVersion: 0 } }],
    ] as StreamAppend[][]) {
      expect(await rejectionOf(appendMany(appends))).toBeInstanceOf(TypeError);
    }
    expect(await store.streamVersion(stream)).toBe(0);
  });

  it('records each append\'s command in the same statement, and takes the one-by-one path when it must', async () => {
    const [a, b] = [streamName(), streamName()];
    const keys = [`key-${randomUUID()}`, `key-${randomUUID()}`];
    const respond = (r: AppendResult) => ({ version: r.nextExpectedVersion });
    await appendMany([
      { streamId: a, events: [newEvent()], options: { expectedVersion: 0, command: { key: keys[0], requestHash: 'h', response: respond } } },
      // 'any' with a command: its response needs the version, so the call goes one append at a time.
      { streamId: b, events: [newEvent(), newEvent()], options: { expectedVersion: 'any', command: { key: keys[1], requestHash: 'h', response: respond } } },
    ]);
    expect(await store.findCommand(keys[0])).toMatchObject({ response: { version: 1 } });
    expect(await store.findCommand(keys[1])).toMatchObject({ response: { version: 2 } });
    expect(await appendMany([])).toEqual([]);
  });

  it('keeps the log gap-free: an open multi-stream append holds back later commits, then reads first', async () => {
    const before = await headPositionWith(pool);
    const [x, y, later] = [streamName('gap'), streamName('gap'), streamName('gap')];
    const holder = await pool.connect();
    let laterPosition = LOG_START;
    try {
      await holder.query('BEGIN');
      await appendManyInTransaction(holder, [
        { streamId: y, events: [newEvent()], options: { expectedVersion: 0 } },
        { streamId: x, events: [newEvent(), newEvent()], options: { expectedVersion: 0 } },
      ], at);
      const [laterEvent] = (await store.append(later, [newEvent()], { expectedVersion: 0 })).events;
      laterPosition = laterEvent.logPosition;
      const seen = await readAllWith(pool, { after: before, limit: 1000 });
      expect(seen.filter((e) => e.streamId.startsWith('gap-'))).toEqual([]);
      await holder.query('COMMIT');
    } finally {
      holder.release();
    }
    await untilReadable(store, laterPosition); // other test databases' transactions share the horizon
    const log = (await readAllWith(pool, { after: before, limit: 1000 })).filter((e) => [x, y, later].includes(e.streamId));
    // One transaction, in stream-id order (the lock order), each stream in its own order; the later commit after it.
    const inLockOrder = [x, y].sort().flatMap((s) => (s === x ? [[x, 1], [x, 2]] : [[y, 1]]));
    expect(log.map((e) => [e.streamId, e.version])).toEqual([...inLockOrder, [later, 1]]);
    expect(new Set(log.slice(0, 3).map((e) => e.logPosition.commit)).size).toBe(1);
  });
});
