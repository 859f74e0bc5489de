import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PROCESS_TIMER_FIRED, type ProcessTimerFired, type TimerRequest } from '@rectify/domain';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent, type RecordedEvent } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { ManualClock } from '../clock/clock';
import type { ProcessManager } from './process-manager';
import { migrateWorkflow } from './workflow.schema';
import { WorkflowRuntime } from './workflow-runtime';

type Reminded = { type: 'Reminded'; data: { thingId: string } };
type Started = { type: 'ReminderStarted'; data: { thingId: string; dueAt: string } };
type State = { thingId: string | null; dueAt: string | null; fired: string[] };

/** A toy process: a `Due.<topic>` event asks for one reminder at data.dueAt. */
function reminderProcess(name: string, topic: string, breakOn?: (thingId: string) => boolean): ProcessManager<State, Started | Reminded> {
  return {
    name,
    inputTypes: [`Due.${topic}`],
    route: (event) => String(event.data.thingId),
    initialState: () => ({ thingId: null, dueAt: null, fired: [] }),
    evolve: (state, event) => {
      if (event.type === 'ReminderStarted') return { ...state, thingId: event.data.thingId, dueAt: event.data.dueAt };
      if (event.type === PROCESS_TIMER_FIRED) return { ...state, fired: [...state.fired, (event as ProcessTimerFired).data.key] };
      return state;
    },
    context: async () => undefined,
    decide: (input, state) => {
      if (input.kind === 'event') {
        const thingId = String(input.event.data.thingId);
        if (breakOn?.(thingId)) throw new Error(`cannot handle ${thingId}`);
        return state.thingId ? [] : [{ type: 'ReminderStarted', data: { thingId, dueAt: String(input.event.data.dueAt) } }];
      }
      if (breakOn?.(state.thingId ?? '')) throw new Error(`cannot remind ${state.thingId}`);
      return [{ type: 'Reminded', data: { thingId: state.thingId! } }];
    },
    timers: (state): TimerRequest[] => (state.dueAt && !state.fired.includes('remind') ? [{ key: 'remind', dueAt: state.dueAt }] : []),
  };
}

describe('WorkflowRuntime on a real PostgreSQL', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const clock = new ManualClock(new Date('2023-01-19T02:00:00Z'));
  const runtimes: WorkflowRuntime[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('workflow_runtime'), max: 12 });
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    store = new PostgresEventStore(pool);
  });
  afterEach(async () => void (await Promise.all(runtimes.splice(0).map((r) => r.stop()))));
  afterAll(() => pool.end());

  const runtime = (pms: ProcessManager<State, Started | Reminded>[]) => {
    const created = new WorkflowRuntime({ pool, clock, processManagers: pms, pollIntervalMs: 10, initialBackoffMs: 10, maxBackoffMs: 40, timerPollIntervalMs: 10 });
    runtimes.push(created);
    return created;
  };
  /** Each test uses its own event type: a new process manager reads the log from the start. */
  const due = (topic: string, thingId: string, dueAt: string): NewEvent => ({
    id: randomUUID(),
    type: `Due.${topic}`,
    data: { thingId, dueAt },
    occurredAt: clock.now(),
    metadata: { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
  });
  const streamOf = (name: string, thingId: string) => store.readStream(`${name}-${thingId}`);
  const typesOf = (events: RecordedEvent[]) => events.map((e) => e.type);

  it('turns an event into process events and a timer, and fires the timer once when the clock reaches it', async () => {
    const thing = randomUUID();
    await store.append(`thing-${thing}`, [due('remind-a', thing, '2023-01-20T02:00:00Z')], { expectedVersion: 0 });
    const rt = runtime([reminderProcess('remind-a', 'remind-a')]);
    await rt.catchUp();
    expect(typesOf(await streamOf('remind-a', thing))).toEqual(['ReminderStarted']);
    expect(await rt.fireDueTimers()).toBe(0);

    clock.set(new Date('2023-01-20T02:00:00Z'));
    expect(await rt.fireDueTimers()).toBe(1);
    expect(await rt.fireDueTimers()).toBe(0);
    const events = await streamOf('remind-a', thing);
    expect(typesOf(events)).toEqual(['ReminderStarted', 'ProcessTimerFired', 'Reminded']);
    expect(events[1].data).toMatchObject({ key: 'remind', dueAt: '2023-01-20T02:00:00.000Z' });
    expect(events[1].occurredAt.toISOString()).toBe('2023-01-20T02:00:00.000Z');

    // A crash after firing but before the row was gone (simulated by putting it back) cannot fire it twice.
    const timerId = String(events[1].data.timerId);
    await pool.query(
      `INSERT INTO workflow_timers (timer_id, process, process_id, stream_id, timer_key, due_at, fire_at) VALUES ($1, 'remind-a', $2, $3, 'remind', $4, $4)`,
      [timerId, thing, `remind-a-${thing}`, '2023-01-20T02:00:00Z'],
    );
    expect(await rt.fireDueTimers()).toBe(0);
    expect(typesOf(await streamOf('remind-a', thing))).toHaveLength(3);
  });

  it('fires each timer exactly once with two runtimes polling the same database', async () => {
    const things = Array.from({ length: 150 }, () => randomUUID());
    const at = new Date(clock.now().getTime() + 60_000).toISOString();
    for (const thing of things) await store.append(`thing-${thing}`, [due('remind-b', thing, at)], { expectedVersion: 0 });
    const [a, b] = [runtime([reminderProcess('remind-b', 'remind-b')]), runtime([reminderProcess('remind-b', 'remind-b')])];
    await Promise.all([a.catchUp(), b.catchUp()]);
    clock.advance(60_000);
    const [firedA, firedB] = await Promise.all([a.fireDueTimers(), b.fireDueTimers()]);
    expect(firedA + firedB).toBe(things.length);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM events WHERE stream_id LIKE 'remind-b-%' AND type = 'Reminded'`,
    );
    expect(Number(rows[0].n)).toBe(things.length);
    const perTimer = await pool.query(
      `SELECT data->>'timerId' AS id, count(*) FROM events WHERE stream_id LIKE 'remind-b-%' AND type = 'ProcessTimerFired' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(perTimer.rows).toEqual([]);
  });

  it('keeps other process managers going when one throws; records the failing position and retries with backoff', async () => {
    let broken = true;
    const bad = randomUUID();
    const good = randomUUID();
    const at = new Date(clock.now().getTime() + 1000).toISOString();
    const [badEvent] = (await store.append(`thing-${bad}`, [due('pair', bad, at)], { expectedVersion: 0 })).events;
    await store.append(`thing-${good}`, [due('pair', good, at)], { expectedVersion: 0 });
    const rt = runtime([reminderProcess('fragile', 'pair', (id) => broken && id === bad), reminderProcess('sturdy', 'pair')]);
    await rt.start();
    await waitFor(async () => (await rt.statusOf('process:fragile')).failedAttempts >= 2);
    const failing = await rt.statusOf('process:fragile');
    expect(failing.lastError).toContain(`cannot handle ${bad}`);
    expect(failing.errorPosition).toEqual(badEvent.logPosition);
    await waitFor(async () => (await streamOf('sturdy', bad)).length === 1 && (await streamOf('sturdy', good)).length === 1);

    broken = false;
    await waitFor(async () => (await streamOf('fragile', bad)).length === 1);
    await waitFor(async () => (await rt.statusOf('process:fragile')).failedAttempts === 0);
  });

  it('postpones a timer whose process throws, with its error and attempts, while other timers fire', async () => {
    const bad = randomUUID();
    const good = randomUUID();
    const at = new Date(clock.now().getTime() + 1000).toISOString();
    for (const thing of [bad, good]) await store.append(`thing-${thing}`, [due('timer-fragile', thing, at)], { expectedVersion: 0 });
    let broken = true;
    const rt = runtime([reminderProcess('timer-fragile', 'timer-fragile', (id) => broken && id === bad)]);
    broken = false;
    await rt.catchUp();
    broken = true;
    clock.advance(1000);
    expect(await rt.fireDueTimers()).toBe(1);
    expect(typesOf(await streamOf('timer-fragile', good))).toContain('Reminded');
    const { rows } = await pool.query(`SELECT attempts, last_error, fire_at > due_at AS postponed FROM workflow_timers WHERE process_id = $1`, [bad]);
    expect(rows[0]).toMatchObject({ attempts: 1, postponed: true });
    expect(rows[0].last_error).toContain(`cannot remind ${bad}`);
    expect((await rt.timerStatus()).failing).toBeGreaterThanOrEqual(1);

    broken = false;
    clock.advance(5000); // past the backoff
    expect(await rt.fireDueTimers()).toBe(1);
    expect(typesOf(await streamOf('timer-fragile', bad))).toEqual(['ReminderStarted', 'ProcessTimerFired', 'Reminded']);
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
