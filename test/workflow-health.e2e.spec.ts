import { Global, Module } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import type { ProcessManager } from '@rectify/workflow';
import type { EngineConfig } from '../apps/engine/src/config';
import { PG_POOL } from '../apps/engine/src/database';
import { PROJECTION_RUNNER } from '../apps/engine/src/event-sourcing';
import { createEngineApp } from '../apps/engine/src/http/engine-app';
import { EXTRA_PROCESS_MANAGERS } from '../apps/engine/src/workflow/workflow.tokens';
import type { TestEngine } from './support/test-engine';
import { workflowHelpers, type WorkflowOrg } from './support/workflow-fixture';

jest.setTimeout(240_000);

/**
 * A process manager that throws on one event (a finding titled POISON) until its cause is
 * fixed. Each finding it handles starts its stream `probe-<findingId>`.
 */
const cause = { fixed: false };
const probe: ProcessManager<{ seen: boolean }, { type: 'ProbeSeen'; data: { findingId: string } }> = {
  name: 'probe',
  inputTypes: ['FindingRecorded'],
  route: (event) => String(event.data.findingId),
  initialState: () => ({ seen: false }),
  evolve: (state, event) => (event.type === 'ProbeSeen' ? { seen: true } : state),
  context: async () => undefined,
  decide: (input, state) => {
    if (input.kind !== 'event' || state.seen) return [];
    if (input.event.data.title === 'POISON' && !cause.fixed) throw new Error('probe cannot handle this finding yet');
    return [{ type: 'ProbeSeen', data: { findingId: String(input.event.data.findingId) } }];
  },
  timers: () => [],
};

@Global()
@Module({ providers: [{ provide: EXTRA_PROCESS_MANAGERS, useValue: [probe] }], exports: [EXTRA_PROCESS_MANAGERS] })
class ProbeModule {}

/** startTestEngine with the probe process manager added (real clock: the subscription retries with backoff). */
async function startEngineWithProbe(): Promise<TestEngine> {
  const databaseUrl = await createTestDatabase('workflow_health');
  Object.assign(process.env, { DEMO_SEED: 'false', CLOCK: 'system', CLOCK_START: '' });
  const config: EngineConfig = {
    nodeEnv: 'test', port: 0, host: '127.0.0.1', databaseUrl, dataDir: mkdtempSync(join(tmpdir(), 'rectify-e2e-')), embeddedPgPort: 54329,
    auth: { mode: 'dev', devTokenSecret: 'e2e-secret-e2e-secret-e2e-secret-0000' }, bodyLimit: '100kb', logLevel: 'error',
  };
  const app: NestExpressApplication = await createEngineApp(config, { logger: false, imports: [ProbeModule] });
  await app.init();
  const http = request(app.getHttpServer());
  return {
    app, http, databaseUrl,
    async token(role, sub = `${role}-1`) {
      return (await http.post('/api/v1/dev/token').send({ sub, role }).expect(200)).body.accessToken as string;
    },
    catchUp: () => app.get<{ catchUp(): Promise<void> }>(PROJECTION_RUNNER).catchUp(),
    close: () => app.close(),
  };
}

interface Subscription { name: string; status: string; position?: string; lastError?: string }

describe('/health shows a failing process manager, the others keep going, and it recovers', () => {
  let engine: TestEngine;
  let w: ReturnType<typeof workflowHelpers>;
  let org: WorkflowOrg;
  let pool: Pool;

  beforeAll(async () => {
    engine = await startEngineWithProbe();
    w = workflowHelpers(engine);
    org = await w.organisation(await engine.token('admin', 'admin-1'));
    pool = engine.app.get<Pool>(PG_POOL);
  });
  afterAll(async () => engine?.close());

  const health = async (name: string): Promise<Subscription | undefined> =>
    ((await engine.http.get('/health').expect(200)).body.subscriptions as Subscription[]).find((s) => s.name === name);
  async function until<T>(what: string, probeValue: () => Promise<T | undefined | false>): Promise<T> {
    // A generous deadline (a loaded machine; backoff grows to 30 s): waiting, not a timing assertion.
    for (const deadline = Date.now() + 90_000; Date.now() < deadline; ) {
      const value = await probeValue();
      if (value) return value;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`timed out waiting for ${what}`);
  }
  const streamExists = async (stream: string) => Number((await pool.query('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [stream])).rows[0].n) > 0;

  async function record(title: string): Promise<string> {
    const inspector = await engine.token('inspector', org.inspector);
    const at = new Date().toISOString();
    const inspection = await w.post('/inspections', inspector, { kind: 'surprise', unitId: org.ward, teamId: org.team, startedAt: at, memberIds: [org.inspector] }).expect(201);
    const finding = await w.post(`/inspections/${inspection.body.id}/findings`, inspector, {
      category: 'procedure_posting', severity: 'major', title, description: 'd', observedAt: at, responsibleOfficialIds: [org.clerk],
    }).expect(201);
    return finding.body.id as string;
  }

  it('names the event position and the error, keeps remediation and read models going, then recovers', async () => {
    const before = await record('fine before');
    const poison = await record('POISON');
    const after = await record('fine after');
    const { rows } = await pool.query<{ at: string }>(
      `SELECT transaction_id::text || '/' || global_position::text AS at FROM events WHERE stream_id = $1 AND type = 'FindingRecorded'`,
      [`finding-${poison}`],
    );

    // Failing: /health names the probe, the poisoned event's position and the error; it retries (attempts grow).
    const failed = await until('the probe failing twice', async () => {
      const s = await health('process:probe');
      return s?.status === 'failed' && /(\d+) attempts/.exec(s.lastError ?? '')?.[1] !== '1' && s;
    });
    expect(failed.lastError).toContain('probe cannot handle this finding yet');
    expect(failed.lastError).toContain(`event at ${rows[0].at}`);
    expect(await streamExists(`probe-${before}`)).toBe(true); // handled before the poisoned event
    expect(await streamExists(`probe-${poison}`)).toBe(false);

    // The others keep going: the remediation process started all three, read models show them.
    await until('remediation of the finding after the poisoned one', () => streamExists(`remediation-${after}`));
    await engine.catchUp();
    const admin = await engine.token('admin', 'admin-1');
    for (const id of [before, poison, after]) expect((await w.get(`/findings/${id}`, admin).expect(200)).body.dueDate).toEqual(expect.any(String));
    expect((await health('process:remediation'))?.status).not.toBe('failed');

    // Fixed: the next retry (backoff) handles the poisoned event and everything after it.
    cause.fixed = true;
    await until('the probe recovering', async () => (await health('process:probe'))?.status !== 'failed' && (await streamExists(`probe-${after}`)));
    expect(await streamExists(`probe-${poison}`)).toBe(true);
    expect((await health('process:probe'))?.lastError).toBeUndefined();
  });
});
