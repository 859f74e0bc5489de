/**
 * `npm run bench:audit [-- --events=1000000]`: the audit issue's three figures on one embedded
 * PostgreSQL (default settings):
 *  1. verify N events (every stream chain, the witness comparison, the signed checkpoints) — target ≤ 10 s for 1,000,000;
 *  2. the history of an official with 10,000 events: p99 over 200 reads of the default page
 *     (100 entries; first and middle pages alternately) — target ≤ 100 ms; the whole history
 *     (as CSV/PDF exports read it) is timed for reference;
 *  3. rebuild every read model (rm_* and the audit ones) from N events — target ≥ 25,000 events/s.
 * Events are generated straight into the events table (valid hashes and stream heads), in
 * many transactions, then witnessed by the real AuditChainWitness.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { Pool } from 'pg';
import { AuditChainWitness, AuditSigningKey, auditProjectors, migrateAudit, readHistory, verifyAuditTrail } from '@rectify/audit';
import { GENESIS_HASH, computeEventHash, migratePostgresEventStore, type EventMetadata } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels, readModelProjectors } from '@rectify/read-models';
import { startBenchPostgres } from './src/support/bench-postgres';
import { ownCpuSeconds, postgresCpuSeconds } from './src/support/cpu-seconds';
import { progress } from './src/support/progress';
import { timedProjectors } from './src/support/timed-projectors';

const EVENTS = Number(process.argv.find((a) => a.startsWith('--events='))?.split('=')[1] ?? 1_000_000);
const SUBJECT_EVENTS = 10_000;
/** The history endpoint's default page size (apps/engine/src/history HISTORY_DEFAULT_PAGE). */
const PAGE = 100;
const FINDING_EVENTS = ['FindingRecorded', 'FindingAcknowledged', 'RemediationPlanSubmitted', 'RemediationEvidenceSubmitted', 'RemediationAccepted', 'FindingClosed'];
const uuid = (label: string, n: number) => {
  const h = createHash('sha256').update(`${label}:${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

interface Row { id: string; streamId: string; version: number; type: string; data: Record<string, unknown>; metadata: EventMetadata; at: Date; prevHash: string; hash: string }

async function main(): Promise<void> {
  const pg = await startBenchPostgres();
  const pool = new Pool({ connectionString: await pg.createDatabase('audit_bench'), max: 6 });
  try {
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    await migrateAudit(pool);
    const subject = await generate(pool, EVENTS);
    const key = new AuditSigningKey(generateKeyPairSync('ed25519').privateKey);
    const witness = new AuditChainWitness({ pool, key, now: () => new Date(), everyEvents: 10_000, batchSize: 5000 });
    let t = Date.now();
    await witness.catchUp();
    progress(`witnessed ${EVENTS.toLocaleString('en')} events in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    t = Date.now();
    const report = await verifyAuditTrail(pool);
    const verifySeconds = (Date.now() - t) / 1000;
    progress(`verify: ${report.status}, ${report.eventsChecked.toLocaleString('en')} events, ${report.checkpointsChecked} checkpoints in ${verifySeconds.toFixed(2)} s`);

    // Each projector's own time inside the shared pass (the rest is reading the log and commits).
    const timed = timedProjectors([...readModelProjectors(), ...auditProjectors()]);
    const runner = new ProjectionRunner({ pool, projectors: timed.projectors, batchSize: 1000 });
    // CPU seconds as well as wall time: on a shared machine they hardly depend on the other load.
    const cpuBefore = { node: ownCpuSeconds(), postgres: postgresCpuSeconds(pg.settings.data_directory) };
    t = Date.now();
    await runner.rebuild((p) => progress(`rebuild ${p.projection}: ${p.phase}`));
    const rebuildSeconds = (Date.now() - t) / 1000;
    const pgAfter = postgresCpuSeconds(pg.settings.data_directory);
    const rebuildCpu = {
      node: Number((ownCpuSeconds() - cpuBefore.node).toFixed(1)),
      postgres: pgAfter === null || cpuBefore.postgres === null ? null : Number((pgAfter - cpuBefore.postgres).toFixed(1)),
    };
    progress(`rebuild: ${EVENTS.toLocaleString('en')} events × ${runner.names().length} read models in ${rebuildSeconds.toFixed(1)} s (CPU: node ${rebuildCpu.node} s, PostgreSQL ${rebuildCpu.postgres ?? '?'} s)`);
    for (const [name, seconds] of timed.seconds()) progress(`  ${name}: ${seconds.toFixed(1)} s`);

    // The JSON endpoint's default page (HISTORY_DEFAULT_PAGE entries), first page and a page
    // deep in the history (cursor), alternately; the whole history (exports) for reference.
    const total = (await readHistory(pool, { type: 'official', id: subject })).entries.length;
    const middle = (await readHistory(pool, { type: 'official', id: subject }, {}, { limit: Math.floor(total / 2) })).nextCursor ?? undefined;
    const page = await sample(220, (i) => readHistory(pool, { type: 'official', id: subject }, {}, { limit: PAGE, after: i % 2 === 0 ? undefined : middle }));
    const whole = await sample(24, () => readHistory(pool, { type: 'official', id: subject }));
    const figures = {
      events: EVENTS,
      verify: { seconds: verifySeconds, status: report.status, target: '≤ 10 s per 1,000,000' },
      history: { entries: total, pageSize: PAGE, page: { p50ms: page(50), p99ms: page(99), reads: 200 }, whole: { p50ms: whole(50), maxMs: whole(100), reads: 20 },
        target: 'p99 ≤ 100 ms (default page)' },
      rebuild: { seconds: rebuildSeconds, readModels: runner.names().length, eventsPerSecond: Math.round(EVENTS / rebuildSeconds), cpuSeconds: rebuildCpu, target: '≥ 25,000 events/s' },
      postgres: pg.settings,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await pool.end();
    await pg.stop();
  }
}

/** Runs `read` n times (the first 10% warm up); returns the latency percentile function in ms. */
async function sample(n: number, read: (i: number) => Promise<unknown>): Promise<(p: number) => number> {
  const latencies: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    await read(i);
    if (i >= n / 11) latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  latencies.sort((a, b) => a - b);
  return (p) => Number(latencies[Math.max(0, Math.ceil((p / 100) * latencies.length) - 1)].toFixed(1));
}

/** N events: org registry, inspections, findings of 6 events; one official is responsible in SUBJECT_EVENTS/6 findings. */
async function generate(pool: Pool, total: number): Promise<string> {
  const subject = uuid('official', 0);
  const units = Array.from({ length: 20 }, (_, i) => uuid('unit', i));
  const officials = Array.from({ length: 200 }, (_, i) => uuid('official', i));
  const start = Date.parse('2023-01-02T01:00:00Z');
  const meta = (n: number): EventMetadata => ({ actorId: officials[n % officials.length], role: 'inspector', unitId: units[0], commandId: `c-${n}`, correlationId: `c-${n}` });
  let n = 0;
  let batch: Row[] = [];
  const push = async (streamId: string, version: number, prevHash: string, type: string, data: Record<string, unknown>): Promise<string> => {
    const at = new Date(start + n * 1000);
    const event = { id: uuid('event', n), streamId, version, type, schemaVersion: 1, data, metadata: meta(n), occurredAt: at, recordedAt: at, prevHash };
    const hash = computeEventHash(event);
    batch.push({ id: event.id, streamId, version, type, data, metadata: event.metadata, at, prevHash, hash });
    n += 1;
    if (batch.length >= 10_000) await flush();
    return hash;
  };
  const flush = async () => {
    if (batch.length === 0) return;
    await insert(pool, batch);
    batch = [];
    if (n % 100_000 === 0) progress(`generated ${n.toLocaleString('en')} events`);
  };
  for (const [i, id] of units.entries()) await push(`unit-${id}`, 1, GENESIS_HASH, 'UnitCreated', { unitId: id, name: `UBND phường ${i}`, code: null, kind: i === 0 ? 'inspection_team' : 'ward', parentUnitId: null, supervisingUnitId: null });
  for (const [i, id] of officials.entries()) await push(`official-${id}`, 1, GENESIS_HASH, 'OfficialRegistered', { officialId: id, fullName: `Nguyễn Văn Thứ ${i}`, unitId: units[1 + (i % 19)], position: 'Chuyên viên', email: null });
  let finding = 0;
  while (n < total) {
    const inspectionId = uuid('inspection', finding);
    const unitId = units[1 + (finding % 19)];
    if (finding % 50 === 0) await push(`inspection-${inspectionId}`, 1, GENESIS_HASH, 'InspectionOpened', { inspectionId, kind: 'surprise', unitId, teamId: units[0], startedAt: new Date(start).toISOString(), memberIds: [officials[1]] });
    const findingId = uuid('finding', finding);
    const responsible = finding < SUBJECT_EVENTS / FINDING_EVENTS.length ? subject : officials[1 + (finding % 199)];
    let prev = GENESIS_HASH;
    for (const [index, type] of FINDING_EVENTS.entries()) {
      if (n >= total) break;
      const data: Record<string, unknown> = type === 'FindingRecorded'
        ? { findingId, inspectionId, unitId, category: 'attitude', severity: 'minor', title: 'Thái độ chưa đúng mực với người dân', description: 'Mô tả chi tiết phát hiện.', responsibleOfficialIds: [responsible], evidence: [], observedAt: new Date(start).toISOString() }
        : type === 'RemediationPlanSubmitted' ? { findingId, actions: ['Khắc phục'], targetDate: '2023-03-01', revision: 1 }
        : type === 'RemediationEvidenceSubmitted' ? { findingId, description: 'Ảnh', attachments: [] }
        : type === 'RemediationAccepted' ? { findingId, comment: 'Đạt' }
        : type === 'FindingClosed' ? { findingId, selfCertified: false } : { findingId };
      prev = await push(`finding-${findingId}`, index + 1, prev, type, data);
    }
    finding += 1;
  }
  await flush();
  await pool.query(`INSERT INTO streams (stream_id, version, last_hash)
    SELECT DISTINCT ON (stream_id) stream_id, version, hash FROM events ORDER BY stream_id, version DESC`);
  await pool.query('ANALYZE');
  progress(`generated ${n.toLocaleString('en')} events (${finding.toLocaleString('en')} findings)`);
  return subject;
}

async function insert(pool: Pool, rows: Row[]): Promise<void> {
  await pool.query(
    `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
     SELECT e.id, e.stream_id, e.version, e.type, 1, e.data::jsonb, e.metadata::jsonb, e.at, e.at, decode(e.prev, 'hex'), decode(e.hash, 'hex')
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::text[])
         AS e(id, stream_id, version, type, data, metadata, at, prev, hash)`,
    [rows.map((r) => r.id), rows.map((r) => r.streamId), rows.map((r) => r.version), rows.map((r) => r.type), rows.map((r) => JSON.stringify(r.data)),
      rows.map((r) => JSON.stringify(r.metadata)), rows.map((r) => r.at.toISOString()), rows.map((r) => r.prevHash), rows.map((r) => r.hash)],
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`[bench:audit] ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
