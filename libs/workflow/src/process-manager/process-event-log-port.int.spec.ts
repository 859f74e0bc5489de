import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';
import { PROCESS_TIMER_FIRED, type TimerRequest } from '@rectify/domain';
import {
  KurrentDbCheckpointedSubscription, PostgresEventStore, migratePostgresEventStore, portOnly, untilReadable, type PortOnly, type RecordedEvent,
} from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { ManualClock } from '../clock/clock';
import { applyEventBatch } from './process-batch';
import { portProcessEventLog } from './process-event-log';
import type { ProcessManager } from './process-manager';
import { fireTimer } from './process-step';
import { claimDueTimers } from './timer-table';
import { migrateWorkflow } from './workflow.schema';
import { WorkflowRuntime } from './workflow-runtime';

/**
 * The port strategy of the process event log (KurrentDB mode), run on a PostgreSQL store reached
 * only through the EventStore port: process events are appended through the port, before the
 * PostgreSQL transaction (timers, checkpoint) commits. A crash between the two is simulated by
 * running a step and rolling its transaction back: the replay must neither duplicate nor lose
 * an event, and must restore the timer rows the rolled-back step had written.
 */
type State = { thingId: string | null; firstDue: string | null; fired: string[] };
type Out =
  | { type: 'Started'; data: { thingId: string; dueAt: string } }
  | { type: 'Reminded'; data: { thingId: string } }
  | { type: 'NotificationRequested'; data: { thingId: string } };

const DAY = 86_400_000;
const plusDay = (iso: string) => new Date(Date.parse(iso) + DAY).toISOString();

const chain: ProcessManager<State, Out> = {
  name: 'chain-port',
  inputTypes: ['ChainThingDue'],
  route: (event) => String(event.data.thingId),
  initialState: () => ({ thingId: null, firstDue: null, fired: [] }),
  evolve: (state, event) => {
    if (event.type === 'Started') return { ...state, thingId: String(event.data.thingId), firstDue: String(event.data.dueAt) };
    if (event.type === PROCESS_TIMER_FIRED) return { ...state, fired: [...state.fired, String(event.data.key)] };
    return state;
  },
  context: async () => undefined,
  decide: (input, state) => {
    if (input.kind === 'event') return state.thingId ? [] : [{ type: 'Started', data: { thingId: String(input.event.data.thingId), dueAt: String(input.event.data.dueAt) } }];
    return input.timer.key === 'first' ? [{ type: 'Reminded', data: { thingId: state.thingId! } }] : [{ type: 'NotificationRequested', data: { thingId: state.thingId! } }];
  },
  // 'second' is wanted only once 'first' fired: a lost timer row would show as a missing 'second'.
  timers: (state): TimerRequest[] => {
    if (!state.firstDue) return [];
    if (!state.fired.includes('first')) return [{ key: 'first', dueAt: state.firstDue }];
    return state.fired.includes('second') ? [] : [{ key: 'second', dueAt: plusDay(state.firstDue) }];
  },
};


describe('process events through the EventStore port (KurrentDB mode)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2023-01-19T02:00:00Z'));

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('process_event_log_port'), max: 8 });
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  /** Runs `step` in a transaction that is then rolled back: the crash before the PostgreSQL commit. */
  async function crashBeforeCommit(step: (tx: PoolClient) => Promise<unknown>): Promise<void> {
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await step(tx);
    } finally {
      await tx.query('ROLLBACK');
      tx.release();
    }
  }

  const timerKeys = async (streamId: string) =>
    (await pool.query<{ key: string }>('SELECT timer_key AS key FROM workflow_timers WHERE stream_id = $1 ORDER BY timer_key', [streamId])).rows.map((r) => r.key);

  it('appends through the port; replays after a crash between append and commit yield each event once, timers restored', async () => {
    const only = portOnly(store);
    const { port } = only;
    const appends = appendsTo(only);
    const log = portProcessEventLog(port);
    const runtime = new WorkflowRuntime({
      pool, clock, processManagers: [chain], processEventStore: port,
      subscription: (options) => new KurrentDbCheckpointedSubscription({ ...options, store: port }),
    });
    const thingId = randomUUID();
    const stream = `chain-port-${thingId}`;
    const [input] = (await port.append(`thing-${thingId}`, [{
      id: randomUUID(), type: 'ChainThingDue', data: { thingId, dueAt: '2023-01-20T02:00:00Z' }, occurredAt: clock.now(),
      metadata: { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 })).events;

    // The batch appended through the port, then the PostgreSQL side (timer rows, checkpoint) was lost.
    await crashBeforeCommit((tx) => applyEventBatch(tx, chain, [input as RecordedEvent], { now: clock.now(), log }));
    expect((await port.readStream(stream)).map((e) => e.type)).toEqual(['Started']);
    expect(await timerKeys(stream)).toEqual([]);

    await untilReadable(store, (await port.readStream(stream))[0].logPosition);
    await runtime.catchUp(); // the replay: finds Started (caused by the input), decides nothing, resyncs timers
    expect((await port.readStream(stream)).map((e) => e.type)).toEqual(['Started']);
    expect(appends(stream)).toBe(1);
    expect(await timerKeys(stream)).toEqual(['first']);

    // The timer fired through the port, then its transaction (the row's deletion, the next timer) was lost.
    clock.set(new Date('2023-01-20T02:00:00Z'));
    await crashBeforeCommit(async (tx) => {
      const [row] = await claimDueTimers(tx, clock.now(), 10, [chain.name]);
      expect(await fireTimer(tx, chain, row, { now: clock.now(), log })).toEqual({ outcome: 'decided', fired: 1 });
    });
    expect((await port.readStream(stream)).map((e) => e.type)).toEqual(['Started', PROCESS_TIMER_FIRED, 'Reminded']);
    expect(await timerKeys(stream)).toEqual(['first']);

    expect(await runtime.fireDueTimers()).toBe(0); // the replay finds ProcessTimerFired: stale, rows resynced
    expect(await timerKeys(stream)).toEqual(['second']);
    expect(appends(stream)).toBe(2);

    clock.set(new Date('2023-01-21T02:00:00Z'));
    expect(await runtime.fireDueTimers()).toBe(1);
    const types = (await port.readStream(stream)).map((e) => e.type);
    expect(types).toEqual(['Started', PROCESS_TIMER_FIRED, 'Reminded', PROCESS_TIMER_FIRED, 'NotificationRequested']);
    expect(appends(stream)).toBe(3);
    expect(await timerKeys(stream)).toEqual([]);

    await runtime.catchUp(); // a later replay of everything changes nothing
    expect((await port.readStream(stream)).length).toBe(5);
    expect((await runtime.statusOf('process:chain-port')).failedAttempts).toBe(0);
  });
});

/** How many appends went to a stream through the port. */
const appendsTo = ({ appends }: PortOnly) => (streamId: string) => appends.filter((a) => a.streamId === streamId).length;
