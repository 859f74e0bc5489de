/**
 * Timer benchmark (issue 3). Run: `npm run bench:timers` (embedded PostgreSQL; or set
 * BENCH_DATABASE_URL to an admin URL). Options: PENDING (default 1000000), LIVE (2000),
 * WINDOW_S (20), POLL_MS (100), FINDINGS (1000).
 *
 * 1. PENDING timers wait in the table (due in days); LIVE processes get one timer each,
 *    spread over the next WINDOW_S seconds, fired by a WorkflowRuntime on real time polling
 *    every POLL_MS. Lateness = firedAt - dueAt (p50/p99/max); the process RSS is sampled.
 * 2. Recording a finding: bare append of FindingRecorded vs the same plus its remediation
 *    process step (RemediationStarted + timers), per finding.
 */
import { randomUUID } from 'node:crypto';
import { Client, Pool } from 'pg';
import { PROCESS_TIMER_FIRED, weekendsOnlyCalendar, type ProcessTimerFired, type TimerRequest } from '@rectify/domain';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { startPostgresForTests } from '../libs/testing/src/postgres-for-tests';
import { WorkflowRuntime, migrateWorkflow, systemClock, type ProcessManager } from '@rectify/workflow';
import { remediationProcessManager } from '../apps/engine/src/workflow/remediation/remediation.process-manager';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PENDING = env('PENDING', 1_000_000);
const LIVE = env('LIVE', 2000);
const WINDOW_S = env('WINDOW_S', 20);
const POLL_MS = env('POLL_MS', 100);
const FINDINGS = env('FINDINGS', 1000);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
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

async function recordCost(pool: Pool, store: PostgresEventStore): Promise<void> {
  const finding = () => {
    const findingId = randomUUID();
    return event('FindingRecorded', {
      findingId, inspectionId: randomUUID(), unitId: randomUUID(), category: 'equipment', severity: 'major',
      title: 't', description: 'd', responsibleOfficialIds: [], evidence: [], observedAt: new Date().toISOString(),
    });
  };
  const bare = Date.now();
  for (let i = 0; i < FINDINGS; i++) {
    const e = finding();
    await store.append(`bare-${e.data.findingId}`, [e], { expectedVersion: 0 });
  }
  const bareMs = (Date.now() - bare) / FINDINGS;
  const pm = remediationProcessManager({ clock: systemClock, calendar: async () => weekendsOnlyCalendar() });
  const runtime = new WorkflowRuntime({ pool, clock: systemClock, processManagers: [pm] });
  await runtime.catchUp();
  const withProcess = Date.now();
  for (let i = 0; i < FINDINGS; i++) {
    const e = finding();
    await store.append(`finding-${e.data.findingId}`, [e], { expectedVersion: 0 });
  }
  const appendedMs = Date.now() - withProcess;
  await runtime.catchUp();
  const totalMs = (Date.now() - withProcess) / FINDINGS;
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM workflow_timers WHERE process = 'remediation'`);
  console.log(
    `record a finding: bare append ${bareMs.toFixed(2)} ms; append + remediation process (RemediationStarted, ${(rows[0].n / FINDINGS).toFixed(0)} timers) ` +
      `${totalMs.toFixed(2)} ms (append ${(appendedMs / FINDINGS).toFixed(2)} + process ${(totalMs - appendedMs / FINDINGS).toFixed(2)}) = ${(totalMs / bareMs).toFixed(2)}x`,
  );
}

async function main(): Promise<void> {
  const db = await database();
  const pool = new Pool({ connectionString: db.url, max: 8 });
  try {
    await migratePostgresEventStore(pool);
    await migrateWorkflow(pool);
    const store = new PostgresEventStore(pool);
    console.log(`RSS at start: ${mb(process.memoryUsage().rss)}`);
    await recordCost(pool, store);
    await lateness(pool, store);
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
