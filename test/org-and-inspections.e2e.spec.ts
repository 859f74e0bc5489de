import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createTestDatabase } from '@rectify/testing';
import type { EventStore } from '@rectify/event-store';
import type { ProjectionRunner } from '@rectify/read-models';
import type { EngineConfig } from '../apps/engine/src/config';
import { DEMO_OFFICIALS, DEMO_OFFICIAL_IDS, DEMO_UNITS, DEMO_UNIT_IDS } from '../apps/engine/src/demo/demo-organisation';
import { demoSeedEnabledFromEnv } from '../apps/engine/src/demo/demo-seeder';
import { PROJECTION_RUNNER } from '../apps/engine/src/event-sourcing';
import { createEngineApp } from '../apps/engine/src/http/engine-app';
import { EVENT_STORE } from '@rectify/event-store';

const UNKNOWN_ID = '00000000-0000-4000-a000-00000000dead';
const PROBLEM = /^application\/problem\+json/;

function configFor(databaseUrl: string): EngineConfig {
  return {
    nodeEnv: 'test',
    port: 0,
    host: '127.0.0.1',
    databaseUrl,
    dataDir: mkdtempSync(join(tmpdir(), 'rectify-org-e2e-')),
    embeddedPgPort: 54329,
    auth: { mode: 'dev', devTokenSecret: 'org-e2e-secret-org-e2e-secret-000000' },
    bodyLimit: '100kb',
    logLevel: 'error',
  };
}

async function boot(databaseUrl: string): Promise<NestExpressApplication> {
  const app = await createEngineApp(configFor(databaseUrl), { logger: false });
  await app.init();
  return app;
}

/** Every UnitCreated / OfficialRegistered / UnitHeadAppointed event in the store. */
/** The demo organisation's events, read stream by stream (readAll's gap-free horizon is server-wide). */
async function orgEvents(app: NestExpressApplication) {
  const store = app.get<EventStore>(EVENT_STORE);
  const streams = [...DEMO_UNITS.map((u) => `unit-${u.id}`), ...DEMO_OFFICIALS.map((o) => `official-${o.id}`)];
  const events = (await Promise.all(streams.map((stream) => store.readStream(stream)))).flat();
  return events.sort((a, b) => (a.globalPosition < b.globalPosition ? -1 : 1));
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('org registry and inspections over HTTP', () => {
  let databaseUrl: string;
  let app: NestExpressApplication;
  let http: ReturnType<typeof request>;
  const tokens = new Map<string, string>();
  type Actor = { role: string; sub?: string };
  const ADMIN: Actor = { role: 'admin' };
  const AUDITOR: Actor = { role: 'auditor' };
  const INSPECTOR: Actor = { role: 'inspector', sub: DEMO_OFFICIAL_IDS.cityInspector1 };
  const TEAM_LEAD: Actor = { role: 'team_lead', sub: DEMO_OFFICIAL_IDS.cityTeamLead };
  const OTHERS: Actor[] = [
    { role: 'inspector' },
    { role: 'inspector', sub: 'not-an-official' },
    { role: 'unit_head' },
  ];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('org_inspections');
    app = await boot(databaseUrl);
    http = request(app.getHttpServer());
    for (const actor of [ADMIN, AUDITOR, INSPECTOR, TEAM_LEAD, ...OTHERS]) await token(actor.role, actor.sub);
  });

  afterAll(async () => {
    await app?.close();
  });

  async function token(role: string, sub = `${role}-e2e`): Promise<string> {
    const cacheKey = `${role}/${sub}`;
    if (!tokens.has(cacheKey)) {
      const response = await http.post('/api/v1/dev/token').send({ sub, role }).expect(200);
      tokens.set(cacheKey, response.body.accessToken);
    }
    return tokens.get(cacheKey)!;
  }

  /** Tokens are fetched in beforeAll (or with `token` first), so the helpers stay chainable. */
  function bearer(as: Actor): string {
    const value = tokens.get(`${as.role}/${as.sub ?? `${as.role}-e2e`}`);
    if (!value) throw new Error(`no token fetched for ${as.role}/${as.sub}`);
    return `Bearer ${value}`;
  }

  function post(path: string, body: object, as: Actor, key = `k-${randomUUID()}`) {
    return http.post(`/api/v1${path}`).set('Authorization', bearer(as)).set('Idempotency-Key', key).send(body);
  }

  function get(path: string, as: Actor = AUDITOR) {
    return http.get(`/api/v1${path}`).set('Authorization', bearer(as));
  }

  async function catchUp(): Promise<void> {
    await app.get<ProjectionRunner>(PROJECTION_RUNNER).catchUp();
  }


  describe('demo organisation', () => {
    it('is seeded on first boot: 9 units with heads, 20 officials', async () => {
      await catchUp();
      const units = await get('/units?pageSize=100').expect(200);
      const demoUnits = units.body.items.filter((u: { id: string }) => DEMO_UNITS.some((d) => d.id === u.id));
      expect(demoUnits).toHaveLength(9);
      expect(demoUnits.every((u: { headOfficialId: string | null }) => u.headOfficialId !== null)).toBe(true);

      const team = await get(`/units/${DEMO_UNIT_IDS.cityInspectionTeam}`).expect(200);
      expect(team.body).toMatchObject({
        name: 'Đoàn kiểm tra công vụ thành phố',
        kind: 'inspection_team',
        headOfficialId: DEMO_OFFICIAL_IDS.cityTeamLead,
        version: 2,
      });
      const members = await get(`/officials?unitId=${DEMO_UNIT_IDS.cityInspectionTeam}`).expect(200);
      expect(members.body.total).toBe(3);

      const wards = await get(`/units?kind=ward&parentUnitId=${DEMO_UNIT_IDS.baDinhDistrict}`).expect(200);
      expect(wards.body.items.map((u: { name: string }) => u.name)).toEqual(['UBND phường Điện Biên', 'UBND phường Kim Mã']);

      const lead = await get(`/officials/${DEMO_OFFICIAL_IDS.cityTeamLead}`).expect(200);
      expect(lead.body).toMatchObject({ fullName: 'Nguyễn Văn Hùng', unitId: DEMO_UNIT_IDS.cityInspectionTeam });

      const events = await orgEvents(app);
      expect(events.filter((e) => e.type === 'UnitCreated')).toHaveLength(9);
      expect(events.filter((e) => e.type === 'OfficialRegistered')).toHaveLength(DEMO_OFFICIALS.length);
      expect(events[0].metadata).toMatchObject({ actorId: 'system', role: 'system' });
    });

    it('DEMO_SEED accepts true/false only', () => {
      expect(demoSeedEnabledFromEnv({})).toBe(true);
      expect(demoSeedEnabledFromEnv({ DEMO_SEED: 'FALSE' })).toBe(false);
      expect(() => demoSeedEnabledFromEnv({ DEMO_SEED: 'yes' })).toThrow(/DEMO_SEED/);
    });
  });

  describe('org registry', () => {
    it('creates a unit, registers an official and appoints them head (admin)', async () => {
      const unit = await post('/units', { name: 'UBND phường Ngọc Hà', code: 'P-NH', kind: 'ward', parentUnitId: DEMO_UNIT_IDS.baDinhDistrict }, ADMIN).expect(201);
      expect(unit.body).toEqual({
        id: expect.any(String),
        name: 'UBND phường Ngọc Hà',
        code: 'P-NH',
        kind: 'ward',
        parentUnitId: DEMO_UNIT_IDS.baDinhDistrict,
        supervisingUnitId: null,
        headOfficialId: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const official = await post('/officials', { fullName: 'Nguyễn Thị Bích Ngọc', unitId: unit.body.id, position: 'Chủ tịch UBND phường', email: 'ngoc.ntb@demo.rectify.vn' }, ADMIN).expect(201);
      expect(official.body).toEqual({
        id: expect.any(String),
        fullName: 'Nguyễn Thị Bích Ngọc',
        unitId: unit.body.id,
        position: 'Chủ tịch UBND phường',
        email: 'ngoc.ntb@demo.rectify.vn',
        status: 'active',
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });

      const head = await post(`/units/${unit.body.id}/head`, { officialId: official.body.id }, ADMIN).expect(200);
      expect(head.body).toMatchObject({ id: unit.body.id, headOfficialId: official.body.id, version: 2 });

      await catchUp();
      const read = await get(`/units/${unit.body.id}`).expect(200);
      expect(read.body).toEqual(head.body);
      await token('unit_head', official.body.id);
      const readOfficial = await get(`/officials/${official.body.id}`, { role: 'unit_head', sub: official.body.id }).expect(200);
      expect(readOfficial.body).toEqual(official.body);
      const wards = await get(`/units?kind=ward&parentUnitId=${DEMO_UNIT_IDS.baDinhDistrict}&pageSize=2&page=2`).expect(200);
      expect(wards.body).toMatchObject({ page: 2, pageSize: 2, total: 3 });
      expect(wards.body.items).toHaveLength(1);
      const officials = await get(`/officials?unitId=${unit.body.id}`).expect(200);
      expect(officials.body.items.map((o: { id: string }) => o.id)).toEqual([official.body.id]);
    });

    it("refuses an inspector creating a unit with 403, and a token for the engine's own 'system' role", async () => {
      const response = await post('/units', { name: 'Sở Y tế', kind: 'department' }, { role: 'inspector' }).expect(403);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('AUTH.ROLE_NOT_ALLOWED');
      const system = await http.post('/api/v1/dev/token').send({ sub: 'system', role: 'system' }).expect(400);
      expect(system.body).toMatchObject({ code: 'VALIDATION.FAILED', errors: [{ field: 'role' }] });
    });

    it('answers unknown fields and kinds with 400 VALIDATION.FAILED', async () => {
      const response = await post('/units', { name: 'Sở Y tế', kind: 'ministry', colour: 'red' }, ADMIN).expect(400);
      expect(response.body.code).toBe('VALIDATION.FAILED');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['kind', 'colour']));
      const list = await get('/units?kind=ministry').expect(400);
      expect(list.body.code).toBe('VALIDATION.FAILED');
    });

    it('answers an unknown parent or supervising unit with 404', async () => {
      const parent = await post('/units', { name: 'UBND phường X', kind: 'ward', parentUnitId: UNKNOWN_ID }, ADMIN).expect(404);
      expect(parent.body).toMatchObject({ status: 404, code: 'UNIT.PARENT_NOT_FOUND' });
      const supervisor = await post('/units', { name: 'UBND phường X', kind: 'ward', supervisingUnitId: UNKNOWN_ID }, ADMIN).expect(404);
      expect(supervisor.body.code).toBe('UNIT.SUPERVISOR_NOT_FOUND');
      const official = await post('/officials', { fullName: 'Nguyễn Văn A', unitId: UNKNOWN_ID, position: 'Chuyên viên' }, ADMIN).expect(404);
      expect(official.body.code).toBe('UNIT.NOT_FOUND');
    });

    it('appoints only a registered official of the unit', async () => {
      const unknown = await post(`/units/${DEMO_UNIT_IDS.kimMaWard}/head`, { officialId: UNKNOWN_ID }, ADMIN).expect(404);
      expect(unknown.body.code).toBe('OFFICIAL.NOT_FOUND');
      const foreign = await post(`/units/${DEMO_UNIT_IDS.kimMaWard}/head`, { officialId: DEMO_OFFICIAL_IDS.dienBienChairman }, ADMIN).expect(409);
      expect(foreign.body.code).toBe('UNIT.OFFICIAL_NOT_IN_UNIT');
      const noUnit = await post(`/units/${UNKNOWN_ID}/head`, { officialId: DEMO_OFFICIAL_IDS.dienBienChairman }, ADMIN).expect(404);
      expect(noUnit.body.code).toBe('UNIT.NOT_FOUND');
      const again = await post(`/units/${DEMO_UNIT_IDS.kimMaWard}/head`, { officialId: DEMO_OFFICIAL_IDS.kimMaChairman }, ADMIN).expect(409);
      expect(again.body.code).toBe('UNIT.ALREADY_HEAD');
    });

    it('replays POST /units with the same Idempotency-Key: same unit, one event', async () => {
      const key = `create-unit-${randomUUID()}`;
      const body = { name: 'Sở Y tế', code: 'SYT', kind: 'department' };
      const first = await post('/units', body, ADMIN, key).expect(201);
      const second = await post('/units', body, ADMIN, key).expect(201);
      expect(second.body).toEqual(first.body);
      const store = app.get<EventStore>(EVENT_STORE);
      expect(await store.readStream(`unit-${first.body.id}`)).toHaveLength(1);
      const reused = await post('/units', { ...body, name: 'Sở Giáo dục và Đào tạo' }, ADMIN, key).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      await get(`/units/${UNKNOWN_ID}`).expect(404);
      await get(`/officials/${UNKNOWN_ID}`).expect(404);
    });
  });

  describe('inspections', () => {
    const openBody = () => ({ kind: 'scheduled', unitId: DEMO_UNIT_IDS.dienBienWard, teamId: DEMO_UNIT_IDS.cityInspectionTeam, startedAt: ago(120) });

    it('opens, records a finding, concludes, then refuses further findings (409 INSPECTION.CONCLUDED)', async () => {
      const opened = await post('/inspections', openBody(), INSPECTOR).expect(201);
      expect(opened.body).toEqual({
        id: expect.any(String),
        kind: 'scheduled',
        unitId: DEMO_UNIT_IDS.dienBienWard,
        teamId: DEMO_UNIT_IDS.cityInspectionTeam,
        startedAt: expect.any(String),
        memberIds: [DEMO_OFFICIAL_IDS.cityInspector1],
        status: 'open',
        notice: null,
        version: 1,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      const inspectionId = opened.body.id;

      const finding = await post(
        `/inspections/${inspectionId}/findings`,
        {
          category: 'working_hours',
          severity: 'minor',
          title: 'Cán bộ không có mặt tại bộ phận một cửa trong giờ làm việc',
          description: 'Lúc 9 giờ 30, bàn tiếp nhận hồ sơ không có cán bộ.',
          observedAt: ago(60),
        },
        INSPECTOR,
      ).expect(201);
      expect(finding.body).toMatchObject({ inspectionId, unitId: DEMO_UNIT_IDS.dienBienWard, status: 'recorded' });

      await pause(20);
      const beforeConclusion = new Date().toISOString();
      await pause(20);

      const concluded = await post(`/inspections/${inspectionId}/conclusion`, { notice: 'Thông báo kết luận kiểm tra công vụ tại UBND phường Điện Biên.' }, TEAM_LEAD).expect(200);
      expect(concluded.body).toMatchObject({ id: inspectionId, status: 'concluded', notice: 'Thông báo kết luận kiểm tra công vụ tại UBND phường Điện Biên.', version: 2 });

      const late = await post(
        `/inspections/${inspectionId}/findings`,
        { category: 'attitude', severity: 'minor', title: 'Muộn', description: 'Ghi nhận sau khi kết luận', observedAt: ago(30) },
        INSPECTOR,
      ).expect(409);
      expect(late.body.code).toBe('INSPECTION.CONCLUDED');
      const twice = await post(`/inspections/${inspectionId}/conclusion`, { notice: 'Lần hai' }, TEAM_LEAD).expect(409);
      expect(twice.body.code).toBe('INSPECTION.ALREADY_CONCLUDED');
      await post(`/inspections/${inspectionId}/conclusion`, { notice: 'x' }, INSPECTOR).expect(403);

      await catchUp();
      const now = await get(`/inspections/${inspectionId}`).expect(200);
      expect(now.body).toEqual({
        ...concluded.body,
        findings: [{ id: finding.body.id, title: finding.body.title, status: 'recorded', severity: 'minor' }],
      });
      const then = await get(`/inspections/${inspectionId}?asOf=${encodeURIComponent(beforeConclusion)}`).expect(200);
      expect(then.body).toMatchObject({ id: inspectionId, status: 'open', notice: null, version: 1, findings: [{ id: finding.body.id, status: 'recorded' }] });
      const beforeOpening = await get(`/inspections/${inspectionId}?asOf=2020-01-01T00:00:00Z`).expect(404);
      expect(beforeOpening.body.code).toBe('INSPECTION.NOT_FOUND');
      await get(`/inspections/${inspectionId}?asOf=yesterday`).expect(400);

      const list = await get(`/inspections?unitId=${DEMO_UNIT_IDS.dienBienWard}&status=concluded&kind=scheduled`).expect(200);
      expect(list.body).toMatchObject({ page: 1, pageSize: 20, total: 1 });
      expect(list.body.items[0]).toEqual(concluded.body);
      const open = await get(`/inspections?teamId=${DEMO_UNIT_IDS.cityInspectionTeam}&status=open`).expect(200);
      expect(open.body.items.map((i: { id: string }) => i.id)).not.toContain(inspectionId);
    });

    it('lets a team lead name the members; each must be a registered official (422 INSPECTION.UNKNOWN_MEMBER)', async () => {
      const members = [DEMO_OFFICIAL_IDS.cityTeamLead, DEMO_OFFICIAL_IDS.cityInspector2];
      const opened = await post('/inspections', { ...openBody(), kind: 'surprise', unitId: DEMO_UNIT_IDS.kimMaWard, memberIds: members }, TEAM_LEAD).expect(201);
      expect(opened.body.memberIds).toEqual(members);

      const unknown = await post('/inspections', { ...openBody(), memberIds: [DEMO_OFFICIAL_IDS.cityInspector1, UNKNOWN_ID] }, TEAM_LEAD).expect(422);
      expect(unknown.body.code).toBe('INSPECTION.UNKNOWN_MEMBER');
      // Default member is the caller: an inspector whose id is not a registered official.
      const stranger = await post('/inspections', openBody(), { role: 'inspector', sub: 'not-an-official' }).expect(422);
      expect(stranger.body.code).toBe('INSPECTION.UNKNOWN_MEMBER');
      const duplicate = await post('/inspections', { ...openBody(), memberIds: [UNKNOWN_ID, UNKNOWN_ID] }, TEAM_LEAD).expect(400);
      expect(duplicate.body.code).toBe('VALIDATION.FAILED');
    });

    it('refuses other roles, unknown units, non-team teams and future starts', async () => {
      await post('/inspections', openBody(), { role: 'unit_head' }).expect(403);
      await post('/inspections', openBody(), ADMIN).expect(403);
      const noUnit = await post('/inspections', { ...openBody(), unitId: UNKNOWN_ID }, INSPECTOR).expect(404);
      expect(noUnit.body.code).toBe('INSPECTION.UNIT_NOT_FOUND');
      const notTeam = await post('/inspections', { ...openBody(), teamId: DEMO_UNIT_IDS.homeAffairsDepartment }, INSPECTOR).expect(422);
      expect(notTeam.body.code).toBe('INSPECTION.TEAM_NOT_INSPECTION_TEAM');
      const future = await post('/inspections', { ...openBody(), startedAt: new Date(Date.now() + 86_400_000).toISOString() }, INSPECTOR).expect(422);
      expect(future.body.code).toBe('INSPECTION.STARTED_IN_FUTURE');
      const badKind = await post('/inspections', { ...openBody(), kind: 'casual' }, INSPECTOR).expect(400);
      expect(badKind.body.code).toBe('VALIDATION.FAILED');
      await get(`/inspections/${UNKNOWN_ID}`).expect(404);
    });
  });

  describe('restart on the same database', () => {
    it('does not seed the demo organisation twice', async () => {
      const before = await orgEvents(app);
      await app.close();
      app = await boot(databaseUrl);
      http = request(app.getHttpServer());
      const after = await orgEvents(app);
      expect(after.map((e) => e.id)).toEqual(before.map((e) => e.id));
      await catchUp();
      const team = await get(`/units/${DEMO_UNIT_IDS.cityInspectionTeam}`).expect(200);
      expect(team.body.version).toBe(2);
    });
  });
});

describe('demo seed with two engines booting at once on an empty database', () => {
  it('seeds once', async () => {
    const databaseUrl = await createTestDatabase('org_demo_race');
    const apps = await Promise.all([boot(databaseUrl), boot(databaseUrl)]);
    try {
      const events = await orgEvents(apps[0]);
      expect(events.filter((e) => e.type === 'UnitCreated')).toHaveLength(DEMO_UNITS.length);
      expect(events.filter((e) => e.type === 'OfficialRegistered')).toHaveLength(DEMO_OFFICIALS.length);
      expect(events.filter((e) => e.type === 'UnitHeadAppointed')).toHaveLength(DEMO_UNITS.length);
    } finally {
      await Promise.all(apps.map((a) => a.close()));
    }
  });
});
