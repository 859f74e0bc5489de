import { Pool } from 'pg';
import { DomainError, type CommandContext, type Decider } from '@rectify/domain';
import {
  ConcurrencyError,
  IdempotencyKeyReusedError,
  PostgresEventStore,
  migratePostgresEventStore,
} from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { CommandRunner } from './command-runner';
import { deterministicUuid } from './deterministic-id';

/** A counter: Add {amount} → Added; Close → Closed; nothing after Closed. */
type Command = { type: 'Add'; data: { amount: number }; metadata: CommandContext } | { type: 'Close'; data: Record<string, never>; metadata: CommandContext };
type Event = { type: 'Added'; data: { amount: number } } | { type: 'Closed'; data: Record<string, never> };
type State = { status: 'open'; total: number } | { status: 'closed'; total: number };

const counter: Decider<Command, Event, State> = {
  initialState: () => ({ status: 'open', total: 0 }),
  decide(command, state) {
    if (state.status === 'closed') throw new DomainError('COUNTER.CLOSED', 'closed');
    return command.type === 'Add' ? [{ type: 'Added', data: { amount: command.data.amount } }] : [{ type: 'Closed', data: {} }];
  },
  evolve(state, event) {
    return event.type === 'Added' ? { ...state, total: state.total + event.data.amount } : { ...state, status: 'closed' };
  },
};

const context = (actorId = 'inspector-1'): CommandContext => ({ actor: { id: actorId, role: 'inspector' }, now: new Date('2024-05-01T03:00:00Z') });
const add = (amount: number, actorId?: string): Command => ({ type: 'Add', data: { amount }, metadata: context(actorId) });

describe('CommandRunner on PostgreSQL', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  let runner: CommandRunner;
  let n = 0;
  const stream = () => `counter-${++n}-${Date.now()}`;
  const run = (streamId: string, command: Command, key: string, expectedVersion?: number) =>
    runner.execute({
      streamId,
      decider: counter,
      command,
      idempotencyKey: key,
      expectedVersion,
      respond: (state, outcome) => ({ total: state.total, version: outcome.version }),
    });

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('command_runner'), max: 8 });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
    runner = new CommandRunner(store);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('answers a retry with the first response and writes nothing', async () => {
    const s = stream();
    expect(await run(s, add(2), `${s}-k1`)).toEqual({ total: 2, version: 1 });
    await run(s, add(3), `${s}-k2`);
    expect(await run(s, add(2), `${s}-k1`)).toEqual({ total: 2, version: 1 });
    expect(await store.streamVersion(s)).toBe(2);
  });

  it('writes once when the same request arrives twice at the same moment', async () => {
    const s = stream();
    const [a, b] = await Promise.all([run(s, add(9), `${s}-twin`), run(s, add(9), `${s}-twin`)]);
    expect(a).toEqual({ total: 9, version: 1 });
    expect(b).toEqual(a);
    expect(await store.streamVersion(s)).toBe(1);
  });

  it('refuses the same key with another request or another actor', async () => {
    const s = stream();
    await run(s, add(2), `${s}-k`);
    await expect(run(s, add(5), `${s}-k`)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(run(s, add(2, 'someone-else'), `${s}-k`)).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await store.streamVersion(s)).toBe(1);
  });

  it('records event metadata from the command: actor, command id, correlation and deterministic ids', async () => {
    const s = stream();
    await run(s, add(1), `${s}-meta`);
    const [event] = await store.readStream(s);
    expect(event.id).toBe(deterministicUuid('event', `${s}-meta`, '0'));
    expect(event.metadata).toMatchObject({ actorId: 'inspector-1', role: 'inspector', commandId: `${s}-meta`, correlationId: `${s}-meta` });
    expect(event.occurredAt.toISOString()).toBe('2024-05-01T03:00:00.000Z');
  });

  it('re-decides on fresh state when another writer got there first, unless If-Match pinned the version', async () => {
    const s = stream();
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => run(s, add(i), `${s}-c${i}`)));
    expect(Math.max(...results.map((r) => r.version))).toBe(5);
    expect((await store.readStream(s)).reduce((sum, e) => sum + (e.data.amount as number), 0)).toBe(15);
    await expect(run(s, add(1), `${s}-stale`, 3)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await store.streamVersion(s)).toBe(5);
  });

  it('returns the result of an earlier attempt whose events were stored but whose answer was lost', async () => {
    const s = stream();
    const key = `${s}-lost`;
    // An adapter without transactional command records (KurrentDB) can crash between the two writes.
    await store.append(
      s,
      [{ id: deterministicUuid('event', key, '0'), type: 'Added', data: { amount: 7 }, occurredAt: new Date(), metadata: { actorId: 'inspector-1', role: 'inspector', commandId: key, correlationId: key } }],
      { expectedVersion: 0 },
    );
    expect(await run(s, add(7), key)).toEqual({ total: 7, version: 1 });
    expect(await store.streamVersion(s)).toBe(1);
    expect((await store.findCommand(key))?.response).toEqual({ total: 7, version: 1 });
  });

  it('lets a domain error through and stores nothing for the key, so a corrected retry may succeed later', async () => {
    const s = stream();
    await run(s, { type: 'Close', data: {}, metadata: context() }, `${s}-close`);
    await expect(run(s, add(1), `${s}-late`)).rejects.toMatchObject({ code: 'COUNTER.CLOSED' });
    expect(await store.findCommand(`${s}-late`)).toBeNull();
  });

  it('builds a lazy command only when the key has no stored answer', async () => {
    const s = stream();
    let builds = 0;
    const lazy = () =>
      runner.execute({
        streamId: s,
        decider: counter,
        command: async () => {
          builds += 1;
          return add(4);
        },
        request: { actorId: 'inspector-1', body: { amount: 4 } },
        idempotencyKey: `${s}-lazy`,
        respond: (state) => state.total,
      });
    expect(await lazy()).toBe(4);
    expect(await lazy()).toBe(4);
    expect(builds).toBe(1);
  });
});
