import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { PROCESS_TIMER_FIRED, type ProcessTimerFired, type TimerRequest } from '@rectify/domain';
import { PostgresEventStore, computeEventHash, migratePostgresEventStore, withTransaction } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { applyEventBatch } from './process-batch';
import type { ProcessManager } from './process-manager';
import { fireTimer } from './process-step';
import { claimDueTimers } from './timer-table';
import { migrateWorkflow } from './workflow.schema';

type Noted = { type: 'Started'; data: { thingId: string } } | { type: 'Noted'; data: { key: string } };
type State = { started: boolean; fired: string[] };

/** Two timers per instance (day 1 and day 2); each firing notes its key. */
const twoTimers: ProcessManager<State, Noted> = {
  name: 'two-timers',
  inputTypes: ['Begin'],
  route: (event) => String(event.data.thingId),
  initialState: () => ({ started: false, fired: [] }),
  evolve: (state, event) =>
    event.type === 'Started' ? { ...state, started: true } : event.type === PROCESS_TIMER_FIRED ? { ...state, fired: [...state.fired, (event as ProcessTimerFired).data.key] } : state,
  context: async () => undefined,
  decide: (input, state) => (input.kind === 'timer' ? [{ type: 'Noted', data: { key: input.timer.key } }] : state.started ? [] : [{ type: 'Started', data: { thingId: String(input.event.data.thingId) } }]),
  timers: (state): TimerRequest[] =>
    state.started ? [{ key: 'day-1', dueAt: '2023-01-20T02:00:00Z' }, { key: 'day-2', dueAt: '2023-01-21T02:00:00Z' }].filter((t) => !state.fired.includes(t.key)) : [],
};

describe('fireTimer: one claimed timer of a process', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const start = new Date('2023-01-19T02:00:00Z');

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('process_step'), max: 4 });
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  const inTransaction = <T>(work: (tx: PoolClient) => Promise<T>): Promise<T> => withTransaction(pool, work);
  const begin = async (): Promise<string> => {
    const thingId = randomUUID();
    const { events } = await store.append(`begin-${thingId}`, [{
      id: randomUUID(), type: 'Begin', data: { thingId }, occurredAt: start,
      metadata: { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
    await inTransaction((tx) => applyEventBatch(tx, twoTimers, events, { now: start }));
    return thingId;
  };
  const rowsOf = async (thingId: string) =>
    (await pool.query<{ timer_key: string }>('SELECT timer_key FROM workflow_timers WHERE stream_id = $1 ORDER BY due_at', [`two-timers-${thingId}`])).rows.map((r) => r.timer_key);

  it('fires every due timer of the process oldest first in one append, and deletes the claimed row with the rest in one statement', async () => {
    const thingId = await begin();
    expect(await rowsOf(thingId)).toEqual(['day-1', 'day-2']);
    const now = new Date('2023-01-22T02:00:00Z');
    let statements = 0;
    const outcome = await inTransaction(async (tx) => {
      const [row] = (await claimDueTimers(tx, now, 10, [twoTimers.name])).filter((r) => r.processId === thingId && r.key === 'day-2');
      const query = tx.query.bind(tx) as (...args: unknown[]) => unknown;
      (tx as unknown as { query: unknown }).query = (...args: unknown[]) => (statements++, query(...args));
      return fireTimer(tx, twoTimers, row, { now }).finally(() => ((tx as unknown as { query: unknown }).query = query));
    });

    expect(outcome).toEqual({ outcome: 'decided', fired: 2 });
    // try-lock, read the stream, append, timer rows.
    expect(statements).toBe(4);
    const stream = await store.readStream(`two-timers-${thingId}`);
    expect(stream.map((e) => [e.version, e.type, e.data.key ?? null])).toEqual([
      [1, 'Started', null], [2, PROCESS_TIMER_FIRED, 'day-1'], [3, 'Noted', 'day-1'], [4, PROCESS_TIMER_FIRED, 'day-2'], [5, 'Noted', 'day-2'],
    ]);
    stream.forEach((e, i) => {
      expect(computeEventHash(e)).toBe(e.hash);
      if (i > 0) expect(e.prevHash).toBe(stream[i - 1].hash);
    });
    expect(await rowsOf(thingId)).toEqual([]);
  });

  it('drops a claimed row whose timer already fired, without effect', async () => {
    const thingId = await begin();
    const now = new Date('2023-01-20T03:00:00Z');
    await inTransaction(async (tx) => {
      const [row] = (await claimDueTimers(tx, now, 10, [twoTimers.name])).filter((r) => r.processId === thingId);
      expect(await fireTimer(tx, twoTimers, row, { now })).toEqual({ outcome: 'decided', fired: 1 });
      // The same row again (a replayed claim): its timer has fired.
      expect(await fireTimer(tx, twoTimers, row, { now })).toEqual({ outcome: 'stale', fired: 0 });
    });
    expect((await store.readStream(`two-timers-${thingId}`)).map((e) => e.type)).toEqual(['Started', PROCESS_TIMER_FIRED, 'Noted']);
    expect(await rowsOf(thingId)).toEqual(['day-2']);
  });
});
