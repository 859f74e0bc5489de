import { AUDIT_PROJECTIONS } from '../apps/engine/src/audit';
import { DisciplineReactions } from '../apps/engine/src/discipline/referrals/discipline-reactions';
import { manualClock, moveClock } from './support/dev-clock';
import { startTestEngine, type TestEngine } from './support/test-engine';

describe('reports (JSON and CSV, by period and unit)', () => {
  let engine: TestEngine;
  let reader: string;
  const ids = { ward: '', department: '', closedFinding: '' };
  let seq = 0;

  const get = (path: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${reader}`);
  const post = (path: string, token: string, body: object) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `r-${++seq}`).send(body);

  beforeAll(async () => {
    engine = await startTestEngine({ env: manualClock('2023-01-20T09:00:00+07:00') });
    const admin = await engine.token('admin', 'admin-1');
    reader = await engine.token('supervisor', 'supervisor-1');
    const unit = async (name: string, kind: string) => (await post('/units', admin, { name, kind }).expect(201)).body.id as string;
    const team = await unit('Đoàn kiểm tra công vụ thành phố', 'inspection_team');
    ids.ward = await unit('UBND phường Kim Mã', 'ward');
    ids.department = await unit('Sở Nội vụ', 'department');
    const official = async (fullName: string, unitId: string) => (await post('/officials', admin, { fullName, unitId, position: 'Chuyên viên' }).expect(201)).body.id as string;
    const inspectorId = await official('Lê Minh Cường', team);
    const headId = await official('Nguyễn Văn An', ids.ward);
    await post(`/units/${ids.ward}/head`, admin, { officialId: headId }).expect(200);
    const inspector = await engine.token('inspector', inspectorId);
    const head = await engine.token('unit_head', headId);

    await moveClock(engine, admin, '2023-02-01T10:00:00+07:00');
    const open = async (kind: string, unitId: string) =>
      (await post('/inspections', inspector, { kind, unitId, teamId: team, startedAt: '2023-02-01T08:00:00+07:00', memberIds: [inspectorId] }).expect(201)).body.id;
    const wardInspection = await open('surprise', ids.ward);
    await open('surprise', ids.department);
    await open('verification', ids.department);
    const record = async (category: string, severity: string) => (await post(`/inspections/${wardInspection}/findings`, inspector, {
      category, severity, title: 'Phát hiện', description: 'Mô tả', observedAt: '2023-02-01T09:00:00+07:00', responsibleOfficialIds: [headId],
    }).expect(201)).body.id as string;
    ids.closedFinding = await record('equipment', 'minor');
    await record('working_hours', 'major');
    await post(`/findings/${ids.closedFinding}/acknowledgement`, head, {}).expect(200);
    await moveClock(engine, admin, '2023-03-08T10:00:00+07:00');
    await post(`/findings/${ids.closedFinding}/plan`, head, { actions: ['Sửa máy'], targetDate: '2023-03-20' }).expect(200);
    await post(`/findings/${ids.closedFinding}/evidence`, head, { description: 'Ảnh', attachments: [{ name: 'a.jpg', sha256: 'c'.repeat(64) }] }).expect(200);
    await post(`/findings/${ids.closedFinding}/verification`, inspector, { accepted: true, comment: 'Đạt' }).expect(200);
    await moveClock(engine, admin, '2023-03-10T10:00:00+07:00');
    await post(`/findings/${ids.closedFinding}/closure`, head, {}).expect(200);
    await moveClock(engine, admin, '2023-03-15T10:00:00+07:00');
    await engine.app.get(DisciplineReactions).catchUp(); // opens the case from the referral
    await engine.catchUp();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_PROJECTIONS).catchUp();
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('counts inspections by kind (all five) and by kind of unit inspected', async () => {
    const report = (await get('/reports/inspections').expect(200)).body;
    expect(report.summary).toEqual({ inspections: 3, units: 2 });
    const row = (dimension: string, value: string) => report.rows.find((r: { dimension: string; value: string }) => r.dimension === dimension && r.value === value);
    expect(row('inspection_kind', 'surprise')).toMatchObject({ inspections: 2, units: 2 });
    expect(row('inspection_kind', 'verification')).toMatchObject({ inspections: 1, units: 1 });
    expect(row('inspection_kind', 'directed')).toMatchObject({ inspections: 0 });
    expect(row('unit_kind', 'department')).toMatchObject({ inspections: 2, units: 1 });
    expect(row('unit_kind', 'ward')).toMatchObject({ inspections: 1, units: 1 });
    const ward = (await get(`/reports/inspections?unitId=${ids.ward}`).expect(200)).body;
    expect(ward.summary.inspections).toBe(1);
    const none = (await get('/reports/inspections?from=2023-03-01T00:00:00%2B07:00').expect(200)).body;
    expect(none.summary.inspections).toBe(0);
  });

  it('reports findings by category and severity, status counts, time to close in working days', async () => {
    expect((await get('/reports/findings').expect(200)).body.rows).toEqual([
      { category: 'equipment', severity: 'minor', findings: 1 },
      { category: 'working_hours', severity: 'major', findings: 1 },
    ]);
    expect((await get('/reports/finding-status').expect(200)).body.summary).toMatchObject({ total: 2, open: 1, closed: 1, withdrawn: 0 });
    const time = (await get('/reports/time-to-close').expect(200)).body;
    // Wed 1 Feb → Fri 10 Mar 2023: 27 working days (no public holiday in between).
    expect(time.summary).toMatchObject({ closed: 1, medianWorkingDays: 27, p90WorkingDays: 27 });
    expect(time.rows[0]).toMatchObject({ findingId: ids.closedFinding, recordedOn: '2023-02-01', closedOn: '2023-03-10', workingDays: 27 });
  });

  it('reports escalations by level, referrals/cases/decisions by form and a per-unit scorecard', async () => {
    // The open major finding (due Wed 22 Feb) went overdue and escalated; level 3 referred it to the board,
    // and the discipline process opened a case from the referral.
    const escalations = (await get('/reports/escalations').expect(200)).body;
    expect(escalations.rows).toEqual([{ level: 1, escalations: 1 }, { level: 2, escalations: 1 }, { level: 3, escalations: 1 }]);
    const discipline = (await get('/reports/discipline').expect(200)).body;
    expect(discipline.summary).toEqual({ referrals: 1, cases: 1, decisions: 0 });
    expect(discipline.rows).toEqual([{ stage: 'case', form: 'referral', count: 1 }, { stage: 'referral', form: 'remediation_overdue', count: 1 }]);
    expect((await get('/reports/discipline?from=2023-04-01T00:00:00%2B07:00').expect(200)).body.summary).toEqual({ referrals: 0, cases: 0, decisions: 0 });
    expect((await get('/reports/finding-status').expect(200)).body.summary).toMatchObject({ open: 1, overdue: 1 });
    const card = (await get('/reports/unit-scorecard').expect(200)).body;
    expect(card.rows).toEqual([expect.objectContaining({
      unitId: ids.ward, unitName: 'UBND phường Kim Mã', headName: 'Nguyễn Văn An', findings: 2, open: 1, overdue: 1, closed: 1,
      overdueRate: 0.5, medianWorkingDaysToClose: 27, escalations: 3,
    })]);
  });

  it('answers CSV with ?format=csv and refuses bad filters with 400 naming the field', async () => {
    const csv = await get('/reports/findings?format=csv').expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text).toBe('category,severity,findings\r\nequipment,minor,1\r\nworking_hours,major,1\r\n');
    const bad = await get('/reports/findings?from=yesterday').expect(400);
    expect(JSON.stringify(bad.body)).toContain('from');
    await get('/reports/findings?unitId=nope').expect(400);
  });
});
