/**
 * Timer benchmark (issue 3). Run: `npm run bench:timers` (embedded PostgreSQL; or set
 * BENCH_DATABASE_URL to an admin URL). Options: PENDING (default 1000000), LIVE (2000),
 * WINDOW_S (20), POLL_MS (100), FINDINGS (1000), ROUNDS (3), RECORD_ONLY (0).
 *
 * 1. PENDING timers wait in the table (due in days); LIVE processes get one timer each,
 *    spread over the next WINDOW_S seconds, fired by a WorkflowRuntime on real time polling
 *    every POLL_MS. Lateness = firedAt - dueAt (p50/p99/max); the process RSS is sampled.
 * 2. Recording a finding: see recordCost for exactly what is compared.
 */
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { Client, Pool } from 'pg';
import { findingDecider, findingStream } from '@rectify/domain';
import { PROCESS_TIMER_FIRED, weekendsOnlyCalendar, type ProcessTimerFired, type TimerRequest } from '@rectify/domain';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { startPostgresForTests } from '../libs/testing/src/postgres-for-tests';
import { CommandRunner, WorkflowRuntime, deterministicUuid, migrateWorkflow, systemClock, type ProcessManager } from '@rectify/workflow';
import { remediationProcessManager } from '../apps/engine/src/workflow/remediation/remediation.process-manager';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PENDING = env('PENDING', 1_000_000);
const LIVE = env('LIVE', 2000);
const WINDOW_S = env('WINDOW_S', 20);
const POLL_MS = env('POLL_MS', 100);
const FINDINGS = env('FINDINGS', 1000);
const ROUNDS = env('ROUNDS', 3);
const CHUNK = env('CHUNK', 50);
/** RECORD_ONLY=1 skips the lateness part. */
const RECORD_ONLY = process.env.RECORD_ONLY === '1';
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Round trips to PostgreSQL (every Client#query, pooled or not). */
let queryCount = 0;
const query = Client.prototype.query as (...args: unknown[]) => unknown;
Client.prototype.query = function (this: Client, ...args: unknown[]) {
  queryCount++;
  return query.apply(this, args);
} as typeof Client.prototype.query;
/** The 1-minute load average: quote it with every figure (the machine is shared). */
const load = () => `load ${loadavg()[0].toFixed(2)}`;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

type State = { dueAt: string | null; fired: boolean };
const benchProcess: ProcessManager<State, { type: 'BenchStarted'; data: { dueAt: string } } | { type: 'BenchFired'; data: object }> = {
  name: 'bench',
  inputTypes: ['Bench.Due'],
  route: (e) => String(e.data.id),
  initialState: () => ({ dueAt: null, fired: false }),
  evolve: (s, e) => (e.type === 'BenchStarted' ? { ...s, dueAt: e.data.dueAt } : e.type === PROCESS_TIMER_FIRED ? { ...s, fired: true } : s),
  context: async () => undefined,
  decide: (input, s) => (input.kind === 'event' ? (s.dueAt ? [] : [{ type: 'BenchStarted', data: { dueAt: String(input.event.data.dueAt) } }]) : [{ type: 'BenchFired', data: {} }]),
  timers: (s): TimerRequest[] => (s.dueAt && !s.fired ? [{ key: 'due', dueAt: s.dueAt }] : []),
};

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data, occurredAt: new Date(),
  metadata: { actorId: 'bench', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
});

async function database(): Promise<{ url: string; stop: () => Promise<void> }> {
  const name = `bench_timers_${Date.now()}`;
  const admin = process.env.BENCH_DATABASE_URL;
  const server = admin ? null : await startPostgresForTests((l) => process.stderr.write(`${l}\n`));
  const adminUrl = admin ?? server!.url('postgres');
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), stop: async () => void (await server?.stop()) };
}

async function lateness(pool: Pool, store: PostgresEventStore): Promise<void> {
  const started = Date.now();
  await pool.query(
    `INSERT INTO workflow_timers (timer_id, process, process_id, stream_id, timer_key, due_at, fire_at)
     SELECT gen_random_uuid(), 'bench', 'p' || g, 'bench-p' || g, 'due', t, t
       FROM generate_series(1, $1) AS g, LATERAL (SELECT now() + interval '1 day' + g * interval '1 second' AS t) d`,
    [PENDING],
  );
  await pool.query('ANALYZE workflow_timers');
  console.log(`pending timers: ${PENDING.toLocaleString()} inserted in ${((Date.now() - started) / 1000).toFixed(1)} s; RSS ${mb(process.memoryUsage().rss)}`);

  const runtime = new WorkflowRuntime({ pool, clock: systemClock, processManagers: [benchProcess], timerPollIntervalMs: POLL_MS, pollIntervalMs: 50 });
  const rss: number[] = [];
  const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 250);
  await runtime.start(); // processes are created live while earlier timers already fire
  const t0 = Date.now() + 5000 + LIVE * 15; // the first timer comes due after every live process exists
  const ids: string[] = [];
  for (let i = 0; i < LIVE; i += 200) {
    const batch = Array.from({ length: Math.min(200, LIVE - i) }, (_, j) => {
      const id = randomUUID();
      ids.push(id);
      return event('Bench.Due', { id, dueAt: new Date(t0 + ((i + j) / LIVE) * WINDOW_S * 1000).toISOString() });
    });
    for (const e of batch) await store.append(`bench-src-${e.data.id}`, [e], { expectedVersion: 0 });
  }
  if (Date.now() > t0) console.log('warning: live processes were still being created when the first timer came due');
  const deadline = t0 + WINDOW_S * 1000 + 30_000;
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE type = 'BenchFired'`);
    if (rows[0].n >= LIVE || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  clearInterval(sampler);
  await runtime.stop();
  const { rows } = await pool.query<{ data: ProcessTimerFired['data']; recorded_at: Date }>(
    `SELECT data, recorded_at FROM events WHERE type = 'ProcessTimerFired' AND stream_id LIKE 'bench-%'`,
  );
  const late = rows.map((r) => Date.parse(r.data.firedAt) - Date.parse(r.data.dueAt)).sort((a, b) => a - b);
  const worst = rows
    .map((r) => ({ late: Date.parse(r.data.firedAt) - Date.parse(r.data.dueAt), at: (Date.parse(r.data.dueAt) - t0) / 1000 }))
    .sort((a, b) => b.late - a.late)
    .slice(0, 5);
  console.log(`latest firings (lateness ms @ seconds after the first due time): ${worst.map((w) => `${w.late}@${w.at.toFixed(1)}s`).join(', ')}`);
  console.log(
    `firing lateness over ${late.length}/${LIVE} timers (poll ${POLL_MS} ms, ${PENDING.toLocaleString()} pending): ` +
      `p50 ${pct(late, 50)} ms, p99 ${pct(late, 99)} ms, max ${late[late.length - 1]} ms`,
  );
  console.log(`RSS while firing: min ${mb(Math.min(...rss))}, max ${mb(Math.max(...rss))} (${rss.length} samples)`);
}

/**
 * "Creating a finding with its process and timers stays within 2x the cost of the bare
 * append". The cost is wall time per finding, FINDINGS findings one after another (one
 * client, like one user), on one database, with these phases per round:
 * - bare:    PostgresEventStore.append of one FindingRecorded event (stream `bare-<id>`: no
 *            process instance) — the denominator;
 * - command: CommandRunner.execute(RecordFinding) — the command path of POST .../findings
 *            (idempotency lookup, stream read, decide, append + command record in one
 *            transaction), no process;
 * - append+process / command+process: the same, then WorkflowRuntime.catchUp() of the
 *            remediation process manager (RemediationStarted + its timers for every finding
 *            of the phase), timed together.
 * The process subscription is caught up (untimed) before each phase, so no phase pays for
 * another; the four phases alternate in chunks of CHUNK (50) findings so that load changes
 * hit them alike. A warm-up round is not reported; ROUNDS (default 3) rounds are, then the medians.
 * Round trips: every pg Client#query counted during the process catch-up, per finding.
 */
async function recordCost(pool: Pool, store: PostgresEventStore): Promise<void> {
  const runner = new CommandRunner(store);
  const pm = remediationProcessManager({ clock: systemClock, calendar: async () => weekendsOnlyCalendar() });
  const runtime = new WorkflowRuntime({ pool, clock: systemClock, processManagers: [pm] });
  await runtime.catchUp();
  const recorded = (findingId: string) => ({
    findingId, inspectionId: randomUUID(), unitId: randomUUID(), category: 'equipment' as const, severity: 'major' as const,
    title: 't', description: 'd', responsibleOfficialIds: [], evidence: [], observedAt: new Date().toISOString(),
  });
  const bare = async () => {
    const e = event('FindingRecorded', recorded(randomUUID()));
    await store.append(`bare-${e.data.findingId}`, [e], { expectedVersion: 0 });
  };
  const append = async () => {
    const e = event('FindingRecorded', recorded(randomUUID()));
    await store.append(`finding-${e.data.findingId}`, [e], { expectedVersion: 0 });
  };
  const command = async () => {
    const key = randomUUID();
    const findingId = deterministicUuid('finding', key);
    const actor = { id: 'bench-inspector', role: 'inspector' as const };
    await runner.execute({
      streamId: findingStream(findingId),
      decider: findingDecider,
      command: { type: 'RecordFinding', data: recorded(findingId), metadata: { actor, now: new Date() } },
      idempotencyKey: key,
      respond: (_state, outcome) => ({ version: outcome.version }),
    });
  };
  type Cost = { total: number; process: number; queries: number };
  const zero = (): Cost => ({ total: 0, process: 0, queries: 0 });
  const add = (to: Cost, c: Cost, k: number) => void ((to.total += c.total * k), (to.process += c.process * k), (to.queries += c.queries * k));
  const per = (c: Cost, n: number): Cost => ({ total: c.total / n, process: c.process / n, queries: c.queries / n });
  const timed = async (n: number, one: () => Promise<void>, withProcess: boolean) => {
    await runtime.catchUp();
    const started = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await one();
    const appended = process.hrtime.bigint();
    const queriesBefore = queryCount;
    if (withProcess) await runtime.catchUp();
    const ended = process.hrtime.bigint();
    return { total: Number(ended - started) / 1e6 / n, process: Number(ended - appended) / 1e6 / n, queries: (queryCount - queriesBefore) / n };
  };
  // Phases alternate in chunks of CHUNK findings, so a change in machine load hits them alike.
  const chunked = async (n: number) => {
    const sum = { b: zero(), c: zero(), ap: zero(), cp: zero() };
    for (let done = 0; done < n; done += CHUNK) {
      const k = Math.min(CHUNK, n - done);
      add(sum.b, await timed(k, bare, false), k);
      add(sum.c, await timed(k, command, false), k);
      add(sum.ap, await timed(k, append, true), k);
      add(sum.cp, await timed(k, command, true), k);
    }
    return { b: per(sum.b, n), c: per(sum.c, n), ap: per(sum.ap, n), cp: per(sum.cp, n) };
  };
  const phases = { bare: [] as number[], command: [] as number[], appendProcess: [] as number[], commandProcess: [] as number[], processQueries: [] as number[], apRatio: [] as number[] };
  console.log(`recording cost: ${FINDINGS} findings x ${ROUNDS} rounds, chunks of ${CHUNK}; ${load()}`);
  for (let round = 0; round <= ROUNDS; round++) {
    const { b, c, ap, cp } = await chunked(round === 0 ? Math.min(FINDINGS, 200) : FINDINGS);
    if (round === 0) continue;
    phases.bare.push(b.total); phases.command.push(c.total); phases.appendProcess.push(ap.total); phases.commandProcess.push(cp.total); phases.processQueries.push(cp.queries); phases.apRatio.push(ap.total / b.total);
    console.log(
      `round ${round}: per finding bare ${b.total.toFixed(2)} ms; command ${c.total.toFixed(2)}; append+process ${ap.total.toFixed(2)} (process ${ap.process.toFixed(2)}) = ${(ap.total / b.total).toFixed(2)}x bare; ` +
        `command+process ${cp.total.toFixed(2)} (process ${cp.process.toFixed(2)}) = ${(cp.total / b.total).toFixed(2)}x bare, ${(cp.total / c.total).toFixed(2)}x command; process round trips/finding ${cp.queries.toFixed(2)} (append+process ${ap.queries.toFixed(2)}); ${load()}`,
    );
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM workflow_timers WHERE process = 'remediation'`);
  const [b, c, ap, cp] = [med(phases.bare), med(phases.command), med(phases.appendProcess), med(phases.commandProcess)];
  console.log(
    `record a finding (median of ${ROUNDS} rounds x ${FINDINGS}; ${rows[0].n} remediation timers): bare append ${b.toFixed(2)} ms; append+process ${ap.toFixed(2)} ms = ${(ap / b).toFixed(2)}x bare (median of per-round ratios ${med(phases.apRatio).toFixed(2)}x); ` +
      `command ${c.toFixed(2)} ms; command+process ${cp.toFixed(2)} ms = ${(cp / b).toFixed(2)}x bare append, ${(cp / c).toFixed(2)}x command; process round trips/finding ${med(phases.processQueries).toFixed(2)}; ${load()}`,
  );
}

async function main(): Promise<void> {
  const db = await database();
  const pool = new Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined); // the server stops under idle clients at the end
  try {
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    const store = new PostgresEventStore(pool);
    console.log(`RSS at start: ${mb(process.memoryUsage().rss)}`);
    await recordCost(pool, store);
    if (!RECORD_ONLY) await lateness(pool, store);
  } finally {
    await pool.end();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
