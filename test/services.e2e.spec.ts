import { Pool } from 'pg';
import { migratePostgresEventStore } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { AUDIT_STORAGE } from '../apps/audit/src/audit.service-modules';
import { DISCIPLINE_STORAGE } from '../apps/discipline/src/discipline.service-modules';
import type { ServiceStorage } from '../apps/engine/src/database';
import { INSPECTION_STORAGE } from '../apps/inspection/src/inspection.service-modules';
import { WORKFLOW_STORAGE } from '../apps/workflow/src/workflow.service-modules';
import { engineClient } from './support/engine-process';
import { startServiceProcess, until, type ServiceProcess } from './support/service-process';

/**
 * "Done when" of the scale-out issue: apps/inspection, apps/workflow and apps/audit as three
 * separate processes on one database, talking only through the event store (apps/discipline
 * runs beside them and answers its own routes only). A major finding
 * recorded through inspection on Thu 19 Jan 2023 (due Thu 16 Feb, after Tết) escalates to
 * level 1 when workflow's dev clock passes the end of 16 Feb; inspection's finding read and
 * audit's escalation report both show it.
 *
 * Separation: each service logs in as its own role, which may use only its own schema (named
 * after it, where its read models, checkpoints, timers and ledger live) and read/append the
 * event store's tables in public (migrated beforehand, as a deployment's migration job would).
 * A service touching another's tables would fail with "permission denied" instead of walking.
 */
jest.setTimeout(240_000);

const START = '2023-01-19T09:00:00+07:00';
const STORAGE: Record<string, ServiceStorage> = {
  inspection: INSPECTION_STORAGE, workflow: WORKFLOW_STORAGE, audit: AUDIT_STORAGE, discipline: DISCIPLINE_STORAGE,
};
const READ_MODELS = ['rm_cases', 'rm_evaluations', 'rm_finding_workflow', 'rm_findings', 'rm_inspections', 'rm_officials', 'rm_units'];

describe('services: inspection, workflow and audit as separate processes', () => {
  let databaseUrl: string;
  let pool: Pool;
  const services: ServiceProcess[] = [];

  const roles: string[] = [];
  /** What the event store's migration put in public, before any service booted. */
  let eventStoreTables: string[] = [];
  const tables = async (schema: string) =>
    (await pool.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).rows.map((r) => r.t);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('services_e2e');
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    await migratePostgresEventStore(pool);
    eventStoreTables = await tables('public');
    const database = new URL(databaseUrl).pathname.slice(1);
    // One at a time: each migrates the schemas it uses on boot (advisory-locked, idempotent).
    for (const name of ['inspection', 'workflow', 'audit', 'discipline'] as const) {
      const role = `${database}_${name}`;
      roles.push(role);
      await pool.query(`CREATE ROLE ${role} LOGIN PASSWORD '${role}'`);
      await pool.query(`CREATE SCHEMA ${name} AUTHORIZATION ${role}`);
      await pool.query(`GRANT SELECT, INSERT ON events, commands TO ${role}`);
      await pool.query(`GRANT SELECT, INSERT, UPDATE ON streams TO ${role}`);
      await pool.query(`GRANT SELECT ON rectify_schema_versions, subscription_checkpoints TO ${role}`);
      const url = new URL(databaseUrl);
      url.username = role;
      url.password = role;
      services.push(await startServiceProcess(name, url.toString(), START));
    }
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    for (const role of roles) await pool.query(`DROP OWNED BY ${role} CASCADE`).then(() => pool.query(`DROP ROLE ${role}`));
    await pool?.end();
    for (const s of services) expect(s.child.exitCode !== null || s.child.signalCode !== null).toBe(true);
  });

  const service = (name: string) => services.find((s) => s.name === name)!;

  it('walks a finding to level-1 escalation across the three services', async () => {
    const inspection = engineClient(service('inspection').base);
    const workflow = engineClient(service('workflow').base);
    const audit = engineClient(service('audit').base);
    const admin = await inspection.token('admin', 'admin-1');

    // Each service serves only its own routes.
    expect((await workflow.post('/units', admin, { name: 'x', kind: 'ward' })).status).toBe(404);
    expect((await inspection.post('/dev/clock', admin, { now: START })).status).toBe(404);
    expect((await audit.get('/findings', admin)).status).toBe(404);
    expect((await engineClient(service('discipline').base).get('/cases', admin)).status).toBe(200);
    expect((await inspection.get('/cases', admin)).status).toBe(404);

    const created = async (path: string, body: object) => {
      const r = await inspection.post(path, admin, body);
      if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    };
    const team = await created('/units', { name: 'Đoàn kiểm tra công vụ thành phố', kind: 'inspection_team' });
    const district = await created('/units', { name: 'Quận Ba Đình', kind: 'district' });
    const ward = await created('/units', { name: 'UBND phường Điện Biên', kind: 'ward', parentUnitId: district });
    const inspectorId = await created('/officials', { fullName: 'Trần Thị Mai Anh', unitId: team, position: 'x' });
    const wardHead = await created('/officials', { fullName: 'Mai Xuân Trường', unitId: ward, position: 'x' });
    expect((await inspection.post(`/units/${ward}/head`, admin, { officialId: wardHead })).status).toBe(200);
    const inspector = await inspection.token('inspector', inspectorId);
    const opened = await inspection.post('/inspections', inspector, { kind: 'surprise', unitId: ward, teamId: team, startedAt: START, memberIds: [inspectorId] });
    expect(opened.status).toBe(201);
    const recorded = await inspection.post(`/inspections/${opened.body.id}/findings`, inspector, {
      category: 'procedure_posting', severity: 'major', title: 'Thủ tục hành chính không được niêm yết đầy đủ',
      description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới.', observedAt: '2023-01-19T08:30:00+07:00',
    });
    expect(recorded.status).toBe(201);
    const findingId = recorded.body.id as string;

    // Workflow picks the finding up from the event store (not from inspection) and plans its deadlines.
    const finding = async () => (await inspection.get(`/findings/${findingId}`, admin)).body;
    await until('the remediation process on inspection\'s read', async () => (await finding()).dueDate === '2023-02-16');
    expect(await finding()).toMatchObject({ escalationLevel: 0 });

    // One minute before the end of the due day: not yet. Then past it: level 1.
    const moved = async (now: string) => {
      const r = await workflow.post('/dev/clock', admin, { now });
      if (r.status !== 200) throw new Error(`dev clock: ${r.status} ${JSON.stringify(r.body)}`);
    };
    await moved('2023-02-16T23:59:00+07:00');
    expect((await pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id = $1 AND type = 'FindingEscalated'`, [`remediation-${findingId}`])).rows[0].n).toBe(0);
    await moved('2023-02-17T00:00:00+07:00');
    const escalated = await pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'FindingEscalated'`, [`remediation-${findingId}`]);
    expect(escalated.rows.map((r) => r.data)).toEqual([
      expect.objectContaining({ level: 1, escalatedAt: '2023-02-16T17:00:00.000Z', addressee: expect.objectContaining({ officialId: wardHead, role: 'unit_head' }) }),
    ]);

    await until('escalationLevel 1 on inspection\'s finding read', async () => (await finding()).escalationLevel === 1);
    expect(await finding()).toMatchObject({ overdue: true, escalationLevel: 1 });

    await until('the escalation in audit\'s report', async () => {
      const report = await audit.get('/reports/escalations', admin);
      return report.status === 200 && report.body.rows.some((r: { level: number; escalations: number }) => r.level === 1 && r.escalations === 1);
    });
    const report = (await audit.get('/reports/escalations', admin)).body;
    expect(report.rows).toEqual([{ level: 1, escalations: 1 }, { level: 2, escalations: 0 }, { level: 3, escalations: 0 }]);

    // Audit verifies every stream's chain, the workflow's and the inspection's alike.
    const verified = await audit.get('/audit/verification', admin);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ status: 'ok', issueCount: 0 });
    expect(verified.body.streamsChecked).toBeGreaterThanOrEqual(7); // 3 units, 2 officials, inspection, finding, remediation
  });

  it('keeps each service\'s tables in its own schema, fed by its own projections', async () => {
    const count = async (table: string) => Number((await pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
    const checkpoints = async (schema: string) =>
      (await pool.query<{ name: string }>(`SELECT name FROM ${schema}.subscription_checkpoints ORDER BY name`)).rows.map((r) => r.name);

    // public holds the event store only (as migrated before the services booted); nobody keeps a checkpoint there.
    expect(eventStoreTables).toEqual(expect.arrayContaining(['commands', 'events', 'streams', 'subscription_checkpoints']));
    expect(await tables('public')).toEqual(eventStoreTables);
    expect(await count('public.subscription_checkpoints')).toBe(0);

    for (const [name, storage] of Object.entries(STORAGE)) {
      const own = await tables(name);
      expect(own).toEqual(expect.arrayContaining(['rectify_schema_versions', 'subscription_checkpoints', ...storage.readModels]));
      expect(own.filter((t) => ['events', 'streams', 'commands'].includes(t))).toEqual([]);
      expect(own.includes('workflow_timers')).toBe(name === 'workflow');
      expect(own.includes('audit_chain')).toBe(name === 'audit');
      // Only the projections its queries read: the other rm_* tables (created by the shared migration) stay empty.
      const views = (await checkpoints(name)).filter((c) => c.startsWith('view:'));
      expect(views.length).toBe(storage.readModels.length);
      for (const table of READ_MODELS.filter((t) => !storage.readModels.includes(t))) expect(await count(`${name}.${table}`)).toBe(0);
      // Its role may use no other service's schema, and writes the event store's tables only by appending.
      for (const other of Object.keys(STORAGE).filter((o) => o !== name)) {
        const { rows } = await pool.query('SELECT has_schema_privilege($1, $2, $3) AS ok', [roles.find((r) => r.endsWith(`_${name}`)), other, 'USAGE']);
        expect({ [name]: other, usage: rows[0].ok }).toEqual({ [name]: other, usage: false });
      }
    }
    // Every service built the officials from the event store itself (each at its own pace).
    for (const name of Object.keys(STORAGE)) await until(`${name}.rm_officials`, async () => (await count(`${name}.rm_officials`)) === 2);
    await until('discipline.rm_findings', async () => (await count('discipline.rm_findings')) === 1);
    expect(await count('audit.rm_findings')).toBe(0);
    // The process managers run (and keep their checkpoints) in workflow only.
    const processes = (await checkpoints('workflow')).filter((c) => c.startsWith('process:'));
    expect(processes).toContain('process:remediation');
    for (const name of ['inspection', 'audit', 'discipline']) expect((await checkpoints(name)).filter((c) => processes.includes(c))).toEqual([]);
    expect(await checkpoints('audit')).toContain('audit:chain');
    const events = await count('public.events');
    await until('the witness ledger', async () => (await count('audit.audit_chain')) === events);
  });
});
