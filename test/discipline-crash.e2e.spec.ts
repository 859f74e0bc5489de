import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { engineClient, startEngineProcess, type EngineProcess } from './support/engine-process';

/**
 * Crash safety of carrying out a board decision, on the real engine process (CLOCK=manual):
 * a transfer whose subject is responsible for many open findings is due; the engine is
 * SIGKILLed while the executor hands the findings over; a restarted engine resumes the same
 * plan — the transfer, every handover and the case's execution events happen exactly once.
 */
const FINDINGS = 60;
/** The plan is the transfer, then one handover per finding: the first engine dies after this step. */
const CRASH_AFTER_STEP = 31;

jest.setTimeout(180_000);

describe('carrying out a decision survives SIGKILL mid-way', () => {
  let pool: Pool;
  let databaseUrl: string;
  const engines: EngineProcess[] = [];
  // No repeat-findings referrals from the many findings: only the transfer's effects are counted.
  const env = { DISCIPLINE_REPEAT_FINDINGS: '1000' };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('discipline_crash');
    pool = new Pool({ connectionString: databaseUrl, max: 3 });
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.kill()));
    await pool.end();
  });

  const count = async (type: string, streamLike = '%') =>
    Number((await pool.query(`SELECT count(*)::int AS n FROM events WHERE type = $1 AND stream_id LIKE $2`, [type, streamLike])).rows[0].n);

  async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  it('hands every finding over exactly once after a SIGKILL during the execution', async () => {
    // The first engine kills itself (SIGKILL) right after the plan's 31st step committed: the
    // transfer and 30 handovers are on disk, 30 handovers and the completion are not.
    const first = await startEngineProcess(databaseUrl, '2023-03-06T09:00:00+07:00', { ...env, RECTIFY_CRASH_AT: `decision-step-done=${CRASH_AFTER_STEP}` });
    engines.push(first);
    const api = engineClient(first.base);
    const admin = await api.token('admin', 'admin-1');
    const ok = async (path: string, token: string, body: object, status = 200) => {
      const r = await api.post(path, token, body);
      if (r.status !== status) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    const created = async (path: string, body: object) => (await ok(path, admin, body, 201)).id as string;
    const team = await created('/units', { name: 'Đoàn kiểm tra', kind: 'inspection_team' });
    const ward = await created('/units', { name: 'UBND phường Kim Mã', kind: 'ward' });
    const otherWard = await created('/units', { name: 'UBND phường Ngọc Hà', kind: 'ward' });
    const inspectorId = await created('/officials', { fullName: 'Trần Thị Mai Anh', unitId: team, position: 'x' });
    const head = await created('/officials', { fullName: 'Đinh Công Sơn', unitId: ward, position: 'Chủ tịch' });
    const subject = await created('/officials', { fullName: 'Hoàng Văn Em', unitId: ward, position: 'Công chức một cửa' });
    const successor = await created('/officials', { fullName: 'Lý Văn Hải', unitId: ward, position: 'Công chức văn phòng' });
    await ok(`/units/${ward}/head`, admin, { officialId: head });
    const inspector = await api.token('inspector', inspectorId);
    const inspection = (await ok('/inspections', inspector, { kind: 'surprise', unitId: ward, teamId: team, startedAt: '2023-03-06T08:00:00+07:00', memberIds: [inspectorId] }, 201)).id;
    for (let i = 0; i < FINDINGS; i++) {
      await ok(`/inspections/${inspection}/findings`, inspector, {
        category: 'equipment', severity: 'minor', title: `Máy lấy số hỏng ${i}`, description: 'd', observedAt: '2023-03-06T08:30:00+07:00', responsibleOfficialIds: [subject],
      }, 201);
    }

    const secretary = await api.token('board_secretary', 'secretary-1');
    const caseId = (await ok('/cases', secretary, { subjectOfficialId: subject, subjectKind: 'official', summary: 'Vi phạm kỷ luật hành chính' }, 201)).id as string;
    await ok(`/cases/${caseId}/hearing`, secretary, { scheduledAt: '2023-03-07T09:00:00+07:00', location: 'Phòng họp số 2' });
    await ok(`/cases/${caseId}/hearing-record`, secretary, { heldAt: '2023-03-06T08:45:00+07:00', attendeeIds: ['member-1', 'member-2', 'member-3'], minutes: 'Biên bản' });
    for (const member of ['member-1', 'member-2', 'member-3']) await ok(`/cases/${caseId}/votes`, await api.token('board_member', member), { decisionKind: 'transfer' });
    const decided = await ok(`/cases/${caseId}/decision`, secretary, {
      kind: 'transfer', reasons: 'Điều chuyển', effectiveDate: '2023-03-06', successorOfficialId: successor, transferTo: { unitId: otherWard, position: 'Chuyên viên' },
    });
    const executesOn = `${decided.decision.executesOn as string}T00:00:00+07:00`;
    const handedOver = () => count('FindingResponsibilityHandedOver', 'finding-%');
    await until('the execution timer to be scheduled', async () => Number((await pool.query(`SELECT count(*)::int AS n FROM workflow_timers WHERE stream_id = $1`, [`decision-execution-${caseId}`])).rows[0].n) === 1);

    // The execution day: the timer fires, the executor hands findings over until its crash point kills it.
    const jump = api.post('/dev/clock', admin, { now: executesOn }).catch(() => null);
    expect(await first.exited).toBe('SIGKILL');
    await jump;
    const atKill = await handedOver();
    expect(atKill).toBe(CRASH_AFTER_STEP - 1);
    expect(await count('DecisionExecuted')).toBe(0);

    const second = await startEngineProcess(databaseUrl, executesOn, env);
    engines.push(second);
    await until('the decision carried out', async () => (await count('DecisionExecuted', `case-${caseId}`)) === 1);
    await second.stop();

    const perFinding = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE type = 'FindingResponsibilityHandedOver' GROUP BY stream_id`,
    );
    expect(perFinding.rows).toHaveLength(FINDINGS);
    expect(perFinding.rows.every((r) => r.n === 1)).toBe(true);
    expect(await count('OfficialTransferred', `official-${subject}`)).toBe(1);
    expect(await count('DecisionExecutionDue')).toBe(1);
    expect(await count('DecisionExecutionStarted', `case-${caseId}`)).toBe(1);
    expect(await count('DecisionExecuted', `case-${caseId}`)).toBe(1);
    const moved = await pool.query(`SELECT count(*)::int AS n FROM events WHERE type = 'FindingResponsibilityHandedOver' AND data->>'toOfficialId' = $1`, [successor]);
    expect(moved.rows[0].n).toBe(FINDINGS);
    process.stdout.write(`[discipline crash test] killed after ${atKill}/${FINDINGS} handovers; the rest happened once after restart\n`);
  });
});
