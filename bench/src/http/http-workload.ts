import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { deterministicUuid } from '@rectify/workflow';
import { LagProbe } from '../projection/lag-probe';
import type { BenchPostgres } from '../support/bench-postgres';
import { progress } from '../support/progress';
import { RssSampler } from '../support/rss-sampler';
import { round, summarise } from '../support/stats';
import type { Table } from '../support/table';
import { BENCH_USERS, RESPONSIBLE_OFFICIAL, openDemoInspection, startBenchEngine } from './bench-engine';
import { cannon, type CannonResult } from './cannon';

export interface HttpRow {
  command: 'record-finding' | 'acknowledge';
  mode: 'saturation' | 'fixed';
  connections: number;
  targetRate: number | null;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  ok: number;
  failed: number;
}

export interface LagRow {
  commandsPerSecond: number;
  findings: number;
  neverSeen: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const FIXED_RATE = 500;
/** A rate this engine sustains on the 2-core machine: its p99 is service time, not queueing (docs/benchmarks.md). */
const SUSTAINED_RATE = 100;
const SATURATION_CONNECTIONS = 32;
const FIXED_CONNECTIONS = 64;

/**
 * Workloads 2 and 3 on one engine: record-finding and acknowledge over HTTP (saturation, then
 * a fixed 500 requests/s), the engine's peak RSS, and, during the fixed-rate record-finding
 * run, the projection lag into rm_findings.
 */
export interface EngineRss {
  /** After start-up and seeding, before any load. */
  idleMb: number;
  /** Peak during the runs (VmHWM of the engine process). */
  peakMb: number;
  /** After the runs. */
  afterMb: number;
  nodeFlags: string;
}

export async function httpWorkload(pg: BenchPostgres, seconds: number): Promise<{ http: HttpRow[]; lag: LagRow; rssMb: number; engineRss: EngineRss; workerRssMb: number; tables: Table[] }> {
  const databaseUrl = await pg.createDatabase('bench_engine');
  progress('http: starting the engine (createEngineApp, AUTH_MODE=dev, demo organisation)');
  const engine = await startBenchEngine(databaseUrl);
  const probePool = new Pool({ connectionString: databaseUrl, max: 1 });
  const rss = new RssSampler(() => engine.process.rssBytes());
  const idleRssBytes = engine.process.rssBytes();
  try {
    const inspector = await engine.token(BENCH_USERS.inspector.role, BENCH_USERS.inspector.sub);
    const unitHead = await engine.token(BENCH_USERS.unitHead.role, BENCH_USERS.unitHead.sub);
    const runId = randomBytes(4).toString('hex');
    const inspectionId = await openDemoInspection(engine, inspector, `bench-inspection-${runId}`);
    const findings: string[] = [];
    let acknowledged = 0;
    let sequence = 0;
    let workerRssBytes = 0;
    const record = async (run: { connections: number; seconds: number; rate?: number; amount?: number; onCreated?: (id: string, atMs: number) => void }) => {
      const outcome = await cannon({
        job: {
          url: engine.baseUrl, method: 'POST', headers: jsonHeaders(inspector), body: FINDING_BODY,
          connections: run.connections, durationSeconds: run.seconds, overallRate: run.rate, amount: run.amount,
          requests: { kind: 'sequence', keyPrefix: `bench-rf-${runId}-`, start: sequence, path: `/api/v1/inspections/${inspectionId}/findings` },
        },
        onOk: (key, atMs) => {
          const id = deterministicUuid('finding', key);
          findings.push(id);
          run.onCreated?.(id, atMs);
        },
      });
      sequence += outcome.consumed;
      workerRssBytes = Math.max(workerRssBytes, outcome.workerRssBytes);
      return outcome.result;
    };
    const acknowledge = async (rate?: number) => {
      const outcome = await cannon({
        job: {
          url: engine.baseUrl, method: 'POST', headers: jsonHeaders(unitHead), body: '{}',
          connections: rate ? FIXED_CONNECTIONS : SATURATION_CONNECTIONS, durationSeconds: seconds, overallRate: rate,
          requests: { kind: 'list', keyPrefix: `bench-ack-${runId}-`, start: acknowledged, paths: findings.slice(acknowledged).map((id) => `/api/v1/findings/${id}/acknowledgement`) },
        },
      });
      acknowledged += outcome.consumed;
      workerRssBytes = Math.max(workerRssBytes, outcome.workerRssBytes);
      return outcome.result;
    };
    rss.start();
    const rows: HttpRow[] = [];
    progress(`http: record-finding at saturation (${SATURATION_CONNECTIONS} connections, ${seconds} s)`);
    rows.push(toRow('record-finding', 'saturation', SATURATION_CONNECTIONS, null, await record({ connections: SATURATION_CONNECTIONS, seconds })));
    progress(`http: record-finding at ${SUSTAINED_RATE}/s for ${seconds} s`);
    rows.push(toRow('record-finding', 'fixed', FIXED_CONNECTIONS, SUSTAINED_RATE, await record({ connections: FIXED_CONNECTIONS, seconds, rate: SUSTAINED_RATE })));
    progress(`http: record-finding at ${FIXED_RATE}/s for ${seconds} s, with projection lag`);
    const lagProbe = new LagProbe(probePool);
    lagProbe.start();
    const fixed = await record({ connections: FIXED_CONNECTIONS, seconds, rate: FIXED_RATE, onCreated: (id, atMs) => lagProbe.responded(id, atMs) });
    const neverSeen = await lagProbe.stop();
    rows.push(toRow('record-finding', 'fixed', FIXED_CONNECTIONS, FIXED_RATE, fixed));
    progress(`http: acknowledge at saturation (${SATURATION_CONNECTIONS} connections, ${seconds} s or until ${findings.length} findings are acknowledged)`);
    rows.push(toRow('acknowledge', 'saturation', SATURATION_CONNECTIONS, null, await acknowledge()));
    const needed = FIXED_RATE * seconds + FIXED_CONNECTIONS;
    if (findings.length - acknowledged < needed) {
      progress(`http: recording ${needed - (findings.length - acknowledged)} more findings to acknowledge (not measured)`);
      await record({ connections: SATURATION_CONNECTIONS, seconds: 600, amount: needed - (findings.length - acknowledged) });
    }
    progress(`http: acknowledge at ${FIXED_RATE}/s for ${seconds} s`);
    rows.push(toRow('acknowledge', 'fixed', FIXED_CONNECTIONS, FIXED_RATE, await acknowledge(FIXED_RATE)));
    const rssMb = round(Math.max(rss.stop(), engine.process.peakRssBytes()) / 2 ** 20, 0);
    const engineRss: EngineRss = { idleMb: round(idleRssBytes / 2 ** 20, 0), peakMb: rssMb, afterMb: round(engine.process.rssBytes() / 2 ** 20, 0), nodeFlags: engine.process.flags.join(' ') };
    const lat = summarise(lagProbe.lagsMs);
    const lag: LagRow = { commandsPerSecond: round(fixed['2xx'] / fixed.duration, 0), findings: lagProbe.lagsMs.length, neverSeen, p50Ms: round(lat.p50), p99Ms: round(lat.p99), maxMs: round(lat.max) };
    const workerRssMb = round(workerRssBytes / 2 ** 20, 0);
    return { http: rows, lag, rssMb, engineRss, workerRssMb, tables: [httpTable(rows, engineRss, workerRssMb, seconds), lagTable(lag)] };
  } finally {
    rss.stop();
    await probePool.end();
    await engine.close();
  }
}

const FINDING_BODY = JSON.stringify({
  category: 'procedure_posting', severity: 'major',
  title: 'Thủ tục hành chính không được niêm yết đầy đủ',
  description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới theo quyết định công bố.',
  observedAt: '2026-03-02T09:30:00+07:00', responsibleOfficialIds: [RESPONSIBLE_OFFICIAL],
});

function jsonHeaders(token: string): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${token}` };
}

function toRow(command: HttpRow['command'], mode: HttpRow['mode'], connections: number, targetRate: number | null, r: CannonResult): HttpRow {
  progress(`http: ${command} ${mode}: ${Math.round(r['2xx'] / r.duration)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${r.non2xx + r.errors} failed`);
  return { command, mode, connections, targetRate, requestsPerSecond: round(r['2xx'] / r.duration, 0), p50Ms: r.latency.p50, p99Ms: r.latency.p99, ok: r['2xx'], failed: r.non2xx + r.errors + r.timeouts };
}

function httpTable(rows: HttpRow[], rss: EngineRss, workerRssMb: number, seconds: number): Table {
  return {
    title: 'Workload 2 — Commands over HTTP (real engine, auth on)',
    columns: ['command', 'load', 'connections', '2xx/s', 'p50 ms', 'p99 ms', 'ok', 'failed'],
    rows: rows.map((r) => [r.command, r.mode === 'fixed' ? `${r.targetRate}/s fixed` : 'saturation', r.connections, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.ok, r.failed]),
    notes: [
      `Engine RSS: peak ${rss.peakMb} MB, idle ${rss.idleMb} MB, after the runs ${rss.afterMb} MB — the engine's own process (dist/apps/engine/src/main.js, node ${rss.nodeFlags || '(no flags)'}); the harness and autocannon (peak ${workerRssMb} MB) run in other processes. ${seconds} s per run.`,
      `The ${FIXED_RATE}/s row offers more than this engine sustains here (see saturation): its p99 is mostly queueing. The ${SUSTAINED_RATE}/s row is a rate it sustains.`,
      'The built engine (main.js: validated config, createEngineApp) on 127.0.0.1, AUTH_MODE=dev bearer tokens (auth and unit scoping on), a unique Idempotency-Key per request; record-finding by the demo inspector on one open inspection, acknowledge by the demo unit head on findings recorded here. Fixed-rate latencies are corrected for coordinated omission (autocannon).',
    ],
  };
}

function lagTable(lag: LagRow): Table {
  return {
    title: 'Workload 3 — Projection lag (record-finding 201 → row visible in rm_findings)',
    columns: ['commands/s', 'findings', 'never seen', 'p50 ms', 'p99 ms', 'max ms'],
    rows: [[lag.commandsPerSecond, lag.findings, lag.neverSeen, lag.p50Ms, lag.p99Ms, lag.maxMs]],
    notes: ['Measured during the fixed-rate record-finding run; rm_findings polled every 5 ms on its own connection (lags carry up to 5 ms of polling error).'],
  };
}
