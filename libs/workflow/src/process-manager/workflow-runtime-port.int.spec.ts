import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PROCESS_TIMER_FIRED, type TimerRequest } from '@rectify/domain';
import {
  KurrentDbCheckpointedSubscription, PostgresEventStore, migratePostgresEventStore, portOnly, untilReadable, type CheckpointedSubscriptionOptions,
} from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { ManualClock } from '../clock/clock';
import { NotificationDispatcher } from '../notifications/notification-dispatcher';
import type { OutboundNotification } from '../notifications/notification-channel';
import type { ProcessManager } from './process-manager';
import { migrateWorkflow } from './workflow.schema';
import { WorkflowRuntime } from './workflow-runtime';

/**
 * The `subscription` option (how the engine makes the workflow follow KurrentDB), run without
 * KurrentDB: the factory builds KurrentDbCheckpointedSubscription — the subscription that reads
 * only the EventStore port — over a PostgreSQL store wrapped so that nothing but the port is
 * reachable and every log read is counted. Checkpoints, timers and the outbox stay in `pool`.
 */
type State = { thingId: string | null; dueAt: string | null; fired: boolean };
type Out = { type: 'Started'; data: { thingId: string; dueAt: string } } | { type: 'NotificationRequested'; data: { thingId: string } };

const remindOnce: ProcessManager<State, Out> = {
  name: 'remind-port',
  inputTypes: ['PortThingDue'],
  route: (event) => String(event.data.thingId),
  initialState: () => ({ thingId: null, dueAt: null, fired: false }),
  evolve: (state, event) => {
    if (event.type === 'Started') return { ...state, thingId: String(event.data.thingId), dueAt: String(event.data.dueAt) };
    if (event.type === PROCESS_TIMER_FIRED) return { ...state, fired: true };
    return state;
  },
  context: async () => undefined,
  decide: (input, state) => {
    if (input.kind === 'event') return state.thingId ? [] : [{ type: 'Started', data: { thingId: String(input.event.data.thingId), dueAt: String(input.event.data.dueAt) } }];
    return [{ type: 'NotificationRequested', data: { thingId: state.thingId! } }];
  },
  timers: (state): TimerRequest[] => (state.dueAt && !state.fired ? [{ key: 'remind', dueAt: state.dueAt }] : []),
};

describe('WorkflowRuntime and NotificationDispatcher following the log through the EventStore port', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2023-01-19T02:00:00Z'));

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('workflow_runtime_port'), max: 8 });
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('runs process managers, timers and notifications with subscriptions built by the factory', async () => {
    const { port, logReads } = portOnly(store);
    const built: string[] = [];
    const factory = (options: CheckpointedSubscriptionOptions) => {
      built.push(options.name);
      return new KurrentDbCheckpointedSubscription({ ...options, store: port });
    };
    const delivered: OutboundNotification[] = [];
    const runtime = new WorkflowRuntime({ pool, clock, processManagers: [remindOnce], subscription: factory });
    const dispatcher = new NotificationDispatcher({
      pool, subscription: factory, initialBackoffMs: 1,
      channels: [{ name: 'memory', deliver: async (n) => (delivered.push(n), { ok: true }) }],
    });
    expect(built).toEqual(['process:remind-port', 'notifications:outbox']);
    expect(runtime.names()).toEqual(['process:remind-port']);

    const thingId = randomUUID();
    const { events: [input] } = await port.append(`thing-${thingId}`, [{
      id: randomUUID(), type: 'PortThingDue', data: { thingId, dueAt: '2023-01-20T02:00:00Z' }, occurredAt: clock.now(),
      metadata: { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
    await untilReadable(store, input.logPosition);

    const readsBefore = logReads();
    await runtime.catchUp();
    expect(logReads()).toBeGreaterThan(readsBefore);
    expect((await store.readStream(`remind-port-${thingId}`)).map((e) => e.type)).toEqual(['Started']);
    expect((await runtime.timerStatus()).pending).toBe(1);

    clock.set(new Date('2023-01-20T02:00:00Z'));
    expect(await runtime.fireDueTimers()).toBe(1);
    const processEvents = await store.readStream(`remind-port-${thingId}`);
    expect(processEvents.map((e) => e.type)).toEqual(['Started', PROCESS_TIMER_FIRED, 'NotificationRequested']);

    // The dispatcher follows the log up to the gap-free horizon, which other test databases' transactions can hold back.
    await untilReadable(store, processEvents.at(-1)!.logPosition);
    await dispatcher.drain();
    expect(delivered.map((n) => n.data)).toEqual([{ thingId }]);
    await runtime.catchUp(); // a replay through the port changes nothing
    await dispatcher.drain();
    expect(delivered).toHaveLength(1);

    const status = await runtime.statusOf('process:remind-port');
    expect(status).toMatchObject({ lagging: false, failedAttempts: 0 });
    expect((await dispatcher.status()).failedAttempts).toBe(0);
    const { rows } = await pool.query('SELECT name FROM subscription_checkpoints WHERE name = ANY($1) ORDER BY name', [built]);
    expect(rows.map((r) => r.name)).toEqual(['notifications:outbox', 'process:remind-port']);
  });
});
