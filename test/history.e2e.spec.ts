import { AUDIT_CHAIN_WITNESS, AUDIT_PROJECTIONS } from '../apps/engine/src/audit';
import { pdfText } from './support/pdf-text';
import { manualClock, moveClock } from './support/dev-clock';
import { startTestEngine, type TestEngine } from './support/test-engine';

describe('time travel, histories for hearings (JSON, CSV, PDF) and the access log', () => {
  let engine: TestEngine;
  let admin: string;
  let auditor: string;
  let board: string;
  const ids = { team: '', ward: '', head: '', clerk: '', inspector: '', finding: '' };
  let seq = 0;

  const get = (path: string, token: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, token: string, body: object) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `h-${++seq}`).send(body);
  const catchUpAll = async () => {
    await engine.catchUp();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_PROJECTIONS).catchUp();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_CHAIN_WITNESS).catchUp();
  };

  beforeAll(async () => {
    engine = await startTestEngine({ env: manualClock('2023-01-10T09:00:00+07:00') });
    admin = await engine.token('admin', 'admin-1');
    auditor = await engine.token('auditor', 'auditor-1');
    board = await engine.token('board_secretary', 'secretary-1');
    const unit = async (name: string, kind: string) => (await post('/units', admin, { name, kind }).expect(201)).body.id as string;
    ids.team = await unit('Đoàn kiểm tra công vụ thành phố', 'inspection_team');
    ids.ward = await unit('UBND phường Kim Mã', 'ward');
    const official = async (fullName: string, unitId: string, position: string) =>
      (await post('/officials', admin, { fullName, unitId, position }).expect(201)).body.id as string;
    ids.head = await official('Nguyễn Văn An', ids.ward, 'Chủ tịch UBND phường');
    ids.clerk = await official('Trần Thị Bình', ids.ward, 'Công chức một cửa');
    ids.inspector = await official('Lê Minh Cường', ids.team, 'Thành viên đoàn');
    await moveClock(engine, admin, '2023-01-12T09:00:00+07:00');
    await post(`/units/${ids.ward}/head`, admin, { officialId: ids.head }).expect(200);

    // February: a surprise inspection records a finding against the clerk; the head acknowledges it.
    await moveClock(engine, admin, '2023-02-01T08:00:00+07:00');
    const inspector = await engine.token('inspector', ids.inspector);
    const head = await engine.token('unit_head', ids.head);
    const inspection = (await post('/inspections', inspector, { kind: 'surprise', unitId: ids.ward, teamId: ids.team, startedAt: '2023-02-01T08:00:00+07:00', memberIds: [ids.inspector] }).expect(201)).body.id;
    await moveClock(engine, admin, '2023-02-01T10:00:00+07:00');
    ids.finding = (await post(`/inspections/${inspection}/findings`, inspector, {
      category: 'attitude', severity: 'major', title: 'Thái độ chưa đúng mực với người dân', description: 'Công chức một cửa trả lời cộc lốc.',
      observedAt: '2023-02-01T09:30:00+07:00', responsibleOfficialIds: [ids.clerk],
    }).expect(201)).body.id;
    await moveClock(engine, admin, '2023-02-02T10:00:00+07:00');
    await post(`/findings/${ids.finding}/acknowledgement`, head, {}).expect(200);
    // Major: 15 working days, due Wed 22 Feb; the deadline process escalates to level 1 when it passes.
    await moveClock(engine, admin, '2023-02-24T12:00:00+07:00');

    // March: remediated, verified and closed.
    await moveClock(engine, admin, '2023-03-08T10:00:00+07:00');
    await post(`/findings/${ids.finding}/plan`, head, { actions: ['Nhắc nhở, cam kết thái độ phục vụ'], targetDate: '2023-03-20' }).expect(200);
    await post(`/findings/${ids.finding}/evidence`, head, { description: 'Biên bản họp kiểm điểm', attachments: [{ name: 'bien-ban.pdf', sha256: 'b'.repeat(64) }] }).expect(200);
    await moveClock(engine, admin, '2023-03-09T10:00:00+07:00');
    await post(`/findings/${ids.finding}/verification`, inspector, { accepted: true, comment: 'Đạt yêu cầu' }).expect(200);
    await moveClock(engine, admin, '2023-03-10T10:00:00+07:00');
    await post(`/findings/${ids.finding}/closure`, head, {}).expect(200);
    await moveClock(engine, admin, '2023-03-15T10:00:00+07:00');
    await catchUpAll();
  });

  afterAll(async () => {
    await engine?.close();
  });

  it('answers a finding closed in March as open in February (as of a date)', async () => {
    expect((await get(`/findings/${ids.finding}`, board).expect(200)).body.status).toBe('closed');
    const february = (await get(`/findings/${ids.finding}?asOf=2023-02-25T12:00:00%2B07:00`, board).expect(200)).body;
    expect(february).toMatchObject({ status: 'acknowledged', overdue: true, escalationLevel: 1 });
    const early = (await get(`/findings/${ids.finding}?asOf=2023-02-15T12:00:00%2B07:00`, board).expect(200)).body;
    expect(early).toMatchObject({ status: 'acknowledged', overdue: false, escalationLevel: 0 });
    const events = (await get(`/findings/${ids.finding}/events?until=2023-02-28T23:59:59%2B07:00`, board).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['FindingRecorded', 'FindingAcknowledged']);
  });

  it('answers units and officials as of a date', async () => {
    await get(`/officials/${ids.clerk}?asOf=2023-01-05T00:00:00%2B07:00`, board).expect(404);
    expect((await get(`/officials/${ids.clerk}?asOf=2023-01-11T00:00:00%2B07:00`, board).expect(200)).body.fullName).toBe('Trần Thị Bình');
    expect((await get(`/units/${ids.ward}?asOf=2023-01-11T00:00:00%2B07:00`, board).expect(200)).body.headOfficialId).toBeNull();
    expect((await get(`/units/${ids.ward}?asOf=2023-01-13T00:00:00%2B07:00`, board).expect(200)).body.headOfficialId).toBe(ids.head);
    await get(`/units/${ids.ward}?asOf=yesterday`, board).expect(400);
  });

  it("lists an official's history with actor, role, time and reason, filtered by period and kind", async () => {
    const all = (await get(`/officials/${ids.clerk}/history`, board).expect(200)).body;
    expect(all.subject).toMatchObject({ type: 'official', id: ids.clerk, name: 'Trần Thị Bình' });
    const types = all.entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['OfficialRegistered', 'FindingRecorded', 'FindingAcknowledged', 'FindingClosed']));
    const recorded = all.entries.find((e: { type: string }) => e.type === 'FindingRecorded');
    expect(recorded).toMatchObject({ relation: 'subject', actor: { id: ids.inspector, role: 'inspector', name: 'Lê Minh Cường' }, kind: 'finding' });
    expect(recorded.occurredAt).toBe('2023-02-01T03:00:00.000Z');
    expect(all.lastHash).toBe(all.entries.at(-1).hash);
    const march = (await get(`/officials/${ids.clerk}/history?from=2023-03-01T00:00:00%2B07:00&kind=finding`, board).expect(200)).body;
    expect(march.entries.map((e: { type: string }) => e.type)).toEqual(['RemediationPlanSubmitted', 'RemediationEvidenceSubmitted', 'RemediationAccepted', 'FindingClosed']);
    await get(`/officials/${ids.clerk}/history?kind=Finding!`, board).expect(400);
    await get('/officials/00000000-0000-4000-a000-00000000dead/history', board).expect(404);
  });

  it("exports a unit's and an official's history as CSV", async () => {
    const csv = await get(`/officials/${ids.clerk}/history.csv`, board).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const [header, ...lines] = csv.text.trim().split('\r\n');
    expect(header.split(',').slice(0, 4)).toEqual(['position', 'occurredAt', 'recordedAt', 'kind']);
    expect(lines.some((l) => l.includes('FindingClosed') && l.includes('Nguyễn Văn An') && l.includes('unit_head'))).toBe(true);
    const unit = await get(`/units/${ids.ward}/history.csv`, board).expect(200);
    expect(unit.text).toContain('UnitHeadAppointed');
    expect(unit.text).toContain('InspectionOpened');
  });

  it('renders a PDF whose extracted text has the Vietnamese names, the last event hash and the export time', async () => {
    const json = (await get(`/officials/${ids.clerk}/history`, board).expect(200)).body;
    const response = await get(`/officials/${ids.clerk}/history.pdf`, board).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = pdfText(response.body as Buffer).normalize('NFC').replace(/\s+/g, ' ');
    for (const expected of ['Trần Thị Bình', 'Nguyễn Văn An', 'Lê Minh Cường', 'Lịch sử công tác', 'Thái độ chưa đúng mực với người dân', json.lastHash, '2023-03-15T03:00:00.000Z']) {
      expect(text).toContain(expected);
    }
  });

  it('records every history read and export, and every refusal, in the access log auditors read', async () => {
    const head = await engine.token('unit_head', ids.head);
    await get(`/officials/${ids.clerk}/history`, head).expect(403);
    const log = (await get('/audit/access-log?limit=50', auditor).expect(200)).body;
    const reads = log.filter((e: { subjectId: string }) => e.subjectId === ids.clerk);
    expect(reads.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['history.read', 'history.export']));
    expect(reads[0]).toMatchObject({ actorId: 'secretary-1', actorRole: 'board_secretary', subjectType: 'official' });
    const refused = log.find((e: { action: string }) => e.action === 'authorization.refused');
    expect(refused).toMatchObject({ actorId: ids.head, actorRole: 'unit_head', status: 403, path: `/api/v1/officials/${ids.clerk}/history` });
    await get('/audit/access-log', board).expect(403);
  });
});
