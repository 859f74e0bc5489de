import type { Pool } from 'pg';
import { PG_POOL } from '../../apps/engine/src/database';
import { WORKFLOW_RUNTIME } from '../../apps/engine/src/workflow/workflow.tokens';
import type { WorkflowRuntime } from '@rectify/workflow';
import type { TestEngine } from './test-engine';

/** An organisation for workflow tests: a district (supervising authority) over a ward, and an inspection team. */
export interface WorkflowOrg {
  team: string;
  otherTeam: string;
  district: string;
  ward: string;
  lead: string;
  otherLead: string;
  inspector: string;
  districtHead: string;
  wardHead: string;
  clerk: string;
}

export function workflowHelpers(engine: TestEngine) {
  let seq = 0;
  const key = (label: string) => `${label}-${++seq}`;
  const post = (path: string, token: string, body: object = {}, idempotencyKey = key('k')) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', idempotencyKey).send(body);
  const get = (path: string, token: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const runtime = () => engine.app.get<WorkflowRuntime>(WORKFLOW_RUNTIME);
  /** Process managers and read models have seen every committed event. */
  const settle = async () => {
    await runtime().catchUp();
    await engine.catchUp();
  };

  async function organisation(admin: string): Promise<WorkflowOrg> {
    const created = async (path: string, body: object) => {
      const response = await post(path, admin, body);
      if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body.id as string;
    };
    const team = await created('/units', { name: 'Đoàn kiểm tra công vụ thành phố', kind: 'inspection_team' });
    const otherTeam = await created('/units', { name: 'Đoàn kiểm tra công vụ quận Ba Đình', kind: 'inspection_team' });
    const district = await created('/units', { name: 'Quận Ba Đình', kind: 'district' });
    const ward = await created('/units', { name: 'UBND phường Điện Biên', kind: 'ward', parentUnitId: district });
    const official = (fullName: string, unitId: string) => created('/officials', { fullName, unitId, position: 'x' });
    const org: WorkflowOrg = {
      team, otherTeam, district, ward,
      lead: await official('Nguyễn Văn Hùng', team),
      otherLead: await official('Phạm Đức Thắng', otherTeam),
      inspector: await official('Trần Thị Mai Anh', team),
      districtHead: await official('Lý Văn Thành', district),
      wardHead: await official('Mai Xuân Trường', ward),
      clerk: await official('Phan Thị Yến', ward),
    };
    for (const [unit, head] of [[team, org.lead], [otherTeam, org.otherLead], [district, org.districtHead], [ward, org.wardHead]]) {
      const response = await post(`/units/${unit}/head`, admin, { officialId: head });
      if (response.status !== 200) throw new Error(`head: ${response.status} ${JSON.stringify(response.body)}`);
    }
    await engine.catchUp();
    return org;
  }

  async function recordFinding(org: WorkflowOrg, at: string, severity = 'major'): Promise<string> {
    const inspector = await engine.token('inspector', org.inspector);
    const inspection = await post('/inspections', inspector, { kind: 'surprise', unitId: org.ward, teamId: org.team, startedAt: at, memberIds: [org.inspector] });
    if (inspection.status !== 201) throw new Error(`inspection: ${inspection.status} ${JSON.stringify(inspection.body)}`);
    const finding = await post(`/inspections/${inspection.body.id}/findings`, inspector, {
      category: 'procedure_posting',
      severity,
      title: 'Thủ tục hành chính không được niêm yết đầy đủ',
      description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới.',
      observedAt: at,
      responsibleOfficialIds: [org.clerk],
    });
    if (finding.status !== 201) throw new Error(`finding: ${finding.status} ${JSON.stringify(finding.body)}`);
    await settle();
    return finding.body.id as string;
  }

  async function moveClock(admin: string, now: string): Promise<void> {
    const response = await post('/dev/clock', admin, { now });
    if (response.status !== 200) throw new Error(`clock: ${response.status} ${JSON.stringify(response.body)}`);
    await engine.catchUp();
  }

  async function processEvents(findingId: string): Promise<{ type: string; data: Record<string, unknown>; occurredAt: string }[]> {
    const { rows } = await runtimePool(engine).query(
      `SELECT type, data, occurred_at FROM events WHERE stream_id = $1 ORDER BY version`,
      [`remediation-${findingId}`],
    );
    return rows.map((r: { type: string; data: Record<string, unknown>; occurred_at: Date }) => ({ type: r.type, data: r.data, occurredAt: r.occurred_at.toISOString() }));
  }

  return { key, post, get, runtime, settle, pool: () => runtimePool(engine), organisation, recordFinding, moveClock, processEvents };
}

function runtimePool(engine: TestEngine): Pool {
  return engine.app.get<Pool>(PG_POOL);
}
