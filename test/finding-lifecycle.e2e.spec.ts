import { startTestEngine, type TestEngine } from './support/test-engine';

const PROBLEM = /^application\/problem\+json/;

describe('a finding from recording to closure, through HTTP', () => {
  let engine: TestEngine;
  let admin: string;
  let ids: { team: string; ward: string; otherWard: string; head: string; otherHead: string; inspector: string; lead: string; clerk: string };
  let inspectionId: string;
  let keySeq = 0;
  const key = (label: string) => `${label}-${++keySeq}`;

  const post = (path: string, token: string, body: object = {}, idempotencyKey = key('k')) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', idempotencyKey).send(body);
  const get = (path: string, token: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);

  async function created(path: string, body: object): Promise<string> {
    const response = await post(path, admin, body);
    expect(response.status).toBe(201);
    return response.body.id;
  }

  beforeAll(async () => {
    engine = await startTestEngine();
    admin = await engine.token('admin', 'admin-1');
    const team = await created('/units', { name: 'Đoàn kiểm tra công vụ thành phố', kind: 'inspection_team' });
    const ward = await created('/units', { name: 'UBND phường Kim Mã', kind: 'ward' });
    const otherWard = await created('/units', { name: 'UBND phường Điện Biên', kind: 'ward' });
    const official = (fullName: string, unitId: string, position: string) => created('/officials', { fullName, unitId, position });
    ids = {
      team,
      ward,
      otherWard,
      head: await official('Nguyễn Văn An', ward, 'Chủ tịch UBND phường'),
      otherHead: await official('Trần Thị Bình', otherWard, 'Chủ tịch UBND phường'),
      inspector: await official('Lê Minh Cường', team, 'Thành viên đoàn'),
      lead: await official('Phạm Thu Dung', team, 'Trưởng đoàn'),
      clerk: await official('Hoàng Văn Em', ward, 'Công chức một cửa'),
    };
    await post(`/units/${ward}/head`, admin, { officialId: ids.head }).expect(200);
    await post(`/units/${otherWard}/head`, admin, { officialId: ids.otherHead }).expect(200);
    const inspector = await engine.token('inspector', ids.inspector);
    const inspection = await post('/inspections', inspector, {
      kind: 'surprise',
      unitId: ward,
      teamId: team,
      startedAt: '2023-01-27T08:00:00+07:00',
      memberIds: [ids.inspector],
    });
    expect(inspection.status).toBe(201);
    inspectionId = inspection.body.id;
    await engine.catchUp();
  });

  afterAll(async () => {
    await engine?.close();
  });

  const findingBody = {
    category: 'procedure_posting',
    severity: 'major',
    title: 'Thủ tục hành chính không được niêm yết đầy đủ',
    description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới ban hành.',
    observedAt: '2023-01-27T09:30:00+07:00',
    evidence: [{ name: 'bang-niem-yet.jpg', sha256: 'a'.repeat(64) }],
  };

  async function recordFinding(idempotencyKey = key('record')) {
    const inspector = await engine.token('inspector', ids.inspector);
    const response = await post(`/inspections/${inspectionId}/findings`, inspector, { ...findingBody, responsibleOfficialIds: [ids.clerk] }, idempotencyKey);
    expect(response.status).toBe(201);
    return response.body;
  }

  it('walks the whole lifecycle and records who did each step, in which role, and why', async () => {
    const finding = await recordFinding();
    expect(finding).toMatchObject({
      inspectionId,
      unitId: ids.ward,
      status: 'recorded',
      version: 1,
      responsibleOfficialIds: [ids.clerk],
      observedAt: '2023-01-27T02:30:00.000Z',
    });
    const head = await engine.token('unit_head', ids.head);
    const lead = await engine.token('team_lead', ids.lead);
    const inspector = await engine.token('inspector', ids.inspector);
    const step = async (path: string, token: string, body: object, status: string) => {
      const response = await post(`/findings/${finding.id}/${path}`, token, body);
      expect({ path, status: response.status, body: response.body.status }).toEqual({ path, status: 200, body: status });
      return response.body;
    };
    await step('acknowledgement', head, {}, 'acknowledged');
    await step('plan', head, { actions: ['Niêm yết đầy đủ 12 thủ tục'], targetDate: '2099-02-10' }, 'in_remediation');
    await step('evidence', head, { description: 'Ảnh bảng niêm yết mới', attachments: [{ name: 'moi.jpg', sha256: 'b'.repeat(64) }] }, 'awaiting_verification');
    await step('verification', inspector, { accepted: false, comment: 'Thiếu 2 thủ tục' }, 'in_remediation');
    await step('evidence', head, { description: 'Đã bổ sung', attachments: [{ name: 'bo-sung.jpg', sha256: 'c'.repeat(64) }] }, 'awaiting_verification');
    await step('verification', inspector, { accepted: true, comment: 'Đạt' }, 'verified');
    const closed = await step('closure', head, {}, 'closed');
    expect(closed.version).toBe(8);
    await step('reopening', lead, { reason: 'Tái phạm khi kiểm tra lại' }, 'in_remediation');

    const events = await get(`/findings/${finding.id}/events`, admin).expect(200);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'FindingRecorded',
      'FindingAcknowledged',
      'RemediationPlanSubmitted',
      'RemediationEvidenceSubmitted',
      'RemediationRejected',
      'RemediationEvidenceSubmitted',
      'RemediationAccepted',
      'FindingClosed',
      'FindingReopened',
    ]);
    expect(events.body[0].metadata).toMatchObject({ actorId: ids.inspector, role: 'inspector', unitId: ids.team });
    expect(events.body[1].metadata).toMatchObject({ actorId: ids.head, role: 'unit_head', unitId: ids.ward });
    expect(events.body[8].metadata).toMatchObject({ actorId: ids.lead, role: 'team_lead', reason: 'Tái phạm khi kiểm tra lại' });
    for (const [i, event] of events.body.entries()) {
      expect(event).toMatchObject({ version: i + 1, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
      expect(event.metadata.commandId).toEqual(expect.any(String));
      if (i > 0) expect(event.prevHash).toBe(events.body[i - 1].hash);
    }
  });

  it('answers a retried POST with the first result and writes nothing more', async () => {
    const idempotencyKey = key('retry');
    const first = await recordFinding(idempotencyKey);
    const again = await recordFinding(idempotencyKey);
    expect(again).toEqual(first);
    const events = await get(`/findings/${first.id}/events`, admin).expect(200);
    expect(events.body).toHaveLength(1);

    const inspector = await engine.token('inspector', ids.inspector);
    const changed = await post(`/inspections/${inspectionId}/findings`, inspector, { ...findingBody, title: 'Khác' }, idempotencyKey);
    expect(changed.status).toBe(422);
    expect(changed.body).toMatchObject({ code: 'IDEMPOTENCY.KEY_REUSED' });
  });

  it('refuses a unit head acting on another unit, a stale If-Match and an illegal transition', async () => {
    const finding = await recordFinding();
    await engine.catchUp();
    const otherHead = await engine.token('unit_head', ids.otherHead);
    const refused = await post(`/findings/${finding.id}/acknowledgement`, otherHead);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.OUT_OF_UNIT_SCOPE' });

    const head = await engine.token('unit_head', ids.head);
    await post(`/findings/${finding.id}/acknowledgement`, head).set('If-Match', '"1"').expect(200);
    const stale = await post(`/findings/${finding.id}/dispute`, head, { reason: 'Không đúng' }).set('If-Match', '1');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION.CONFLICT' });
    const illegal = await post(`/findings/${finding.id}/acknowledgement`, head);
    expect(illegal.status).toBe(409);
    expect(illegal.headers['content-type']).toMatch(PROBLEM);
    expect(illegal.body).toMatchObject({ code: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT' });
    const events = await get(`/findings/${finding.id}/events`, admin).expect(200);
    expect(events.body).toHaveLength(2);
  });

  it('lists findings from the read model and answers as of a past moment', async () => {
    const finding = await recordFinding();
    const afterRecording = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    const head = await engine.token('unit_head', ids.head);
    await post(`/findings/${finding.id}/acknowledgement`, head).expect(200);
    await engine.catchUp();

    const list = await get(`/findings?unitId=${ids.ward}&status=acknowledged&pageSize=100`, admin).expect(200);
    expect(list.body.items.map((f: { id: string }) => f.id)).toContain(finding.id);
    expect(list.body).toMatchObject({ page: 1, pageSize: 100, total: expect.any(Number) });

    const now = await get(`/findings/${finding.id}`, admin).expect(200);
    expect(now.body).toMatchObject({ status: 'acknowledged', version: 2 });
    const past = await get(`/findings/${finding.id}?asOf=${encodeURIComponent(afterRecording)}`, admin).expect(200);
    expect(past.body).toMatchObject({ status: 'recorded', version: 1 });
  });

  it.each([
    ['an unknown field', { ...findingBody, severityLevel: 3 }, 400, 'VALIDATION.FAILED'],
    ['an unknown enum value', { ...findingBody, severity: 'catastrophic' }, 400, 'VALIDATION.FAILED'],
    ['a date that is not ISO-8601', { ...findingBody, observedAt: '27/01/2023' }, 400, 'VALIDATION.FAILED'],
    ['a wrong type', { ...findingBody, title: 42 }, 400, 'VALIDATION.FAILED'],
    ['an unknown responsible official', { ...findingBody, responsibleOfficialIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'FINDING.UNKNOWN_OFFICIAL'],
  ])('refuses %s with a clear problem and writes nothing', async (_label, body, status, code) => {
    const inspector = await engine.token('inspector', ids.inspector);
    const before = await get(`/findings?inspectionId=${inspectionId}&pageSize=100`, admin);
    const response = await post(`/inspections/${inspectionId}/findings`, inspector, body);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(PROBLEM);
    expect(response.body).toMatchObject({ status, code });
    expect(JSON.stringify(response.body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
    await engine.catchUp();
    const after = await get(`/findings?inspectionId=${inspectionId}&pageSize=100`, admin);
    expect(after.body.total).toBe(before.body.total);
  });

  it('names each bad field of a validation failure', async () => {
    const inspector = await engine.token('inspector', ids.inspector);
    const response = await post(`/inspections/${inspectionId}/findings`, inspector, { ...findingBody, severity: 'x', evidence: [{ name: 'a', sha256: 'nothex' }] });
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['severity', 'evidence[0].sha256']));
  });

  it('answers 404 for an unknown inspection or finding and 403 for the wrong role', async () => {
    const inspector = await engine.token('inspector', ids.inspector);
    const unknown = '00000000-0000-4000-8000-000000000001';
    const noInspection = await post(`/inspections/${unknown}/findings`, inspector, findingBody);
    expect(noInspection.status).toBe(404);
    expect(noInspection.body.code).toBe('INSPECTION.NOT_FOUND');
    const noFinding = await get(`/findings/${unknown}`, admin);
    expect(noFinding.status).toBe(404);
    expect(noFinding.body.code).toBe('FINDING.NOT_FOUND');
    const head = await engine.token('unit_head', ids.head);
    const wrongRole = await post(`/inspections/${inspectionId}/findings`, head, findingBody);
    expect(wrongRole.status).toBe(403);
  });
});
