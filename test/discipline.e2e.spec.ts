import type { Pool } from 'pg';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CommandRunner, ManualClock, WorkflowRuntime } from '@rectify/workflow';
import { AUDIT_PROJECTIONS } from '../apps/engine/src/audit/audit.tokens';
import { PG_POOL } from '../apps/engine/src/database';
import { PROJECTION_RUNNER } from '../apps/engine/src/event-sourcing';
import { CaseFacts } from '../apps/engine/src/discipline/cases/case-facts';
import { DecisionExecutor } from '../apps/engine/src/discipline/cases/execute-decision/decision-executor';
import { DisciplineReactions } from '../apps/engine/src/discipline/referrals/discipline-reactions';
import { decisionExecutionProcessManager } from '../apps/engine/src/discipline/execution/decision-execution.process-manager';
import { WORKFLOW_RUNTIME } from '../apps/engine/src/workflow/workflow.tokens';
import { startTestEngine, type TestEngine } from './support/test-engine';

/**
 * The discipline rules through HTTP: referrals from repeated findings, a level-3 escalation and
 * two annual not_completed ratings; votes (quorum, majority, no self- or head-votes, no double
 * votes); a transfer carried out after the appeal window with findings handed over; a withdrawn
 * finding leaving the grounds of an open case.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type CaseBody = Record<string, any>;

describe('discipline: referrals, board cases and decisions carried out', () => {
  let engine: TestEngine;
  let admin: string;
  let ids: Record<'team' | 'ward' | 'otherWard' | 'head' | 'subject' | 'colleague' | 'successor' | 'inspector' | 'lead', string>;
  let inspectionId: string;
  let seq = 0;
  const key = () => `discipline-${++seq}`;
  const post = (path: string, token: string, body: object = {}) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', key()).send(body);
  const get = (path: string, token: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const settle = async () => {
    await engine.catchUp();
    await engine.app.get<WorkflowRuntime>(WORKFLOW_RUNTIME).catchUp();
    await engine.app.get(DisciplineReactions).catchUp();
    await engine.catchUp();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_PROJECTIONS).catchUp();
  };
  const created = async (path: string, body: object) => {
    const response = await post(path, admin, body);
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const casesOf = async (officialId: string) => (await get(`/cases?subjectOfficialId=${officialId}`, admin)).body.items as CaseBody[];

  async function recordFinding(responsible: string, observedAt: string): Promise<string> {
    const inspector = await engine.token('inspector', ids.inspector);
    const response = await post(`/inspections/${inspectionId}/findings`, inspector, {
      category: 'working_hours',
      severity: 'major',
      title: 'Bộ phận một cửa vắng người trong giờ làm việc',
      description: 'Không có cán bộ trực từ 8:00 đến 8:40.',
      observedAt,
      responsibleOfficialIds: [responsible],
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  }

  beforeAll(async () => {
    engine = await startTestEngine();
    admin = await engine.token('admin', 'admin-1');
    const team = await created('/units', { name: 'Đoàn kiểm tra công vụ thành phố', kind: 'inspection_team' });
    const ward = await created('/units', { name: 'UBND phường Kim Mã', kind: 'ward' });
    const otherWard = await created('/units', { name: 'UBND phường Ngọc Hà', kind: 'ward' });
    const official = (fullName: string, unitId: string, position: string) => created('/officials', { fullName, unitId, position });
    ids = {
      team,
      ward,
      otherWard,
      head: await official('Nguyễn Văn An', ward, 'Chủ tịch UBND phường'),
      subject: await official('Hoàng Văn Em', ward, 'Công chức một cửa'),
      colleague: await official('Đỗ Thị Giang', ward, 'Công chức tư pháp'),
      successor: await official('Lý Văn Hải', ward, 'Công chức văn phòng'),
      inspector: await official('Lê Minh Cường', team, 'Thành viên đoàn'),
      lead: await official('Phạm Thu Dung', team, 'Trưởng đoàn'),
    };
    await post(`/units/${ward}/head`, admin, { officialId: ids.head }).expect(200);
    const inspector = await engine.token('inspector', ids.inspector);
    const inspection = await post('/inspections', inspector, { kind: 'surprise', unitId: ward, teamId: team, startedAt: '2026-01-05T08:00:00+07:00', memberIds: [ids.inspector] });
    expect(inspection.status).toBe(201);
    inspectionId = inspection.body.id;
    await settle();
  });

  afterAll(async () => {
    await engine?.close();
  });

  let findings: string[] = [];
  let repeatCase: CaseBody;

  it('refers an official responsible in three findings within 12 months, once', async () => {
    findings = [
      await recordFinding(ids.subject, '2026-01-05T09:00:00+07:00'),
      await recordFinding(ids.subject, '2026-03-10T09:00:00+07:00'),
      await recordFinding(ids.subject, '2026-06-15T09:00:00+07:00'),
    ];
    await settle();
    await settle(); // a second pass must not open a second case on the same grounds
    const cases = await casesOf(ids.subject);
    expect(cases).toHaveLength(1);
    repeatCase = cases[0];
    expect(repeatCase).toMatchObject({ status: 'open', origin: { kind: 'referral', rule: 'repeat_findings' }, subject: { officialId: ids.subject, unitHeadOfficialId: ids.head } });
    expect(repeatCase.grounds.map((g: { id: string }) => g.id).sort()).toEqual(findings.map((f) => `finding:${f}`).sort());
  });

  it('refers the official and the unit head on a level-3 escalation, and two annual not_completed ratings for removal', async () => {
    const store = engine.app.get<EventStore>(EVENT_STORE);
    // The remediation process's level-3 event, as the workflow runtime appends it.
    await store.append(`remediation-${findings[0]}`, [
      {
        id: '11111111-1111-4111-8111-111111111111',
        type: 'FindingReferredToDisciplinaryBoard',
        occurredAt: new Date(),
        metadata: { actorId: 'system', role: 'system', commandId: 'e2e-escalation', correlationId: 'e2e-escalation' },
        data: { findingId: findings[0], unitId: ids.ward, officialIds: [ids.subject, ids.head], unitHeadOfficialId: ids.head, grounds: { kind: 'remediation_overdue' } },
      },
    ], { expectedVersion: 'any' });
    const head = await engine.token('unit_head', ids.head);
    expect((await post(`/officials/${ids.subject}/evaluations`, head, { period: '2024', rating: 'not_completed', note: 'Không hoàn thành' })).status).toBe(201);
    expect((await post(`/officials/${ids.subject}/evaluations`, head, { period: '2025', rating: 'not_completed' })).status).toBe(201);
    const again = await post(`/officials/${ids.subject}/evaluations`, head, { period: '2025', rating: 'good' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('EVALUATION.ALREADY_RATED');
    await settle();
    const rules = (await casesOf(ids.subject)).map((c) => `${c.origin.rule}:${c.subject.kind}`).sort();
    expect(rules).toEqual(['consecutive_not_completed:official', 'level3_escalation:official', 'repeat_findings:official']);
    expect((await casesOf(ids.head)).map((c) => `${c.origin.rule}:${c.subject.kind}`)).toEqual(['level3_escalation:unit_head']);
    const removal = (await casesOf(ids.subject)).find((c) => c.origin.rule === 'consecutive_not_completed')!;
    expect(removal.origin.proposal).toBe('removal');
    expect(removal.grounds.map((g: { id: string }) => g.id)).toEqual([`evaluation:${ids.subject}:2024`, `evaluation:${ids.subject}:2025`]);
  });

  it('takes the subject’s explanation; hearing; refuses self-votes, head votes, double votes and decisions without quorum', async () => {
    const id = repeatCase.id;
    const secretary = await engine.token('board_secretary', 'secretary-1');
    const subjectToken = await engine.token('unit_head', ids.subject);
    expect((await post(`/cases/${id}/explanation`, await engine.token('unit_head', ids.colleague), { text: 'x' })).body.code).toBe('CASE.NOT_THE_SUBJECT');
    expect((await post(`/cases/${id}/explanation`, subjectToken, { text: 'Tôi xin giải trình: thiếu người trực.' })).status).toBe(200);
    expect((await post(`/cases/${id}/hearing`, secretary, { scheduledAt: '2026-12-01T09:00:00+07:00', location: 'Phòng họp số 2' })).status).toBe(200);
    const heard = await post(`/cases/${id}/hearing-record`, secretary, { heldAt: '2026-01-01T09:00:00+07:00', attendeeIds: ['member-1', 'member-2', 'member-3', ids.subject], minutes: 'Biên bản họp hội đồng' });
    expect(heard.body.status).toBe('heard');

    const vote = async (sub: string, decisionKind = 'transfer') => post(`/cases/${id}/votes`, await engine.token('board_member', sub), { decisionKind });
    const own = await vote(ids.subject);
    expect([own.status, own.body.code]).toEqual([403, 'CASE.SUBJECT_CANNOT_VOTE']);
    const byHead = await vote(ids.head);
    expect([byHead.status, byHead.body.code]).toEqual([403, 'CASE.UNIT_HEAD_CANNOT_VOTE']);
    expect((await vote('member-1')).status).toBe(200);
    const twice = await vote('member-1');
    expect([twice.status, twice.body.code]).toEqual([409, 'CASE.ALREADY_VOTED']);
    const decision = {
      kind: 'transfer',
      reasons: 'Vi phạm kỷ luật hành chính lặp lại',
      effectiveDate: new Date().toISOString().slice(0, 10),
      successorOfficialId: ids.successor,
      transferTo: { unitId: ids.otherWard, position: 'Chuyên viên' },
    };
    const early = await post(`/cases/${id}/decision`, secretary, decision);
    expect([early.status, early.body.code]).toEqual([409, 'CASE.NO_QUORUM']);
    expect((await vote('member-2')).status).toBe(200);
    expect((await vote('member-3', 'warning')).status).toBe(200);
    const decided = await post(`/cases/${id}/decision`, secretary, decision);
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', decision: { kind: 'transfer', votesFor: 2, votesCast: 3 } });
    repeatCase = decided.body;
  });

  it('carries the transfer out only after the appeal window: registry, findings handed to the successor, history', async () => {
    const id = repeatCase.id;
    const notYet = await post(`/cases/${id}/execution`, admin);
    expect(notYet.body.status).toBe('not_due');
    // The durable path: the decision-execution process scheduled a timer for the execution day.
    // A second runtime whose clock stands on that day (the engine's runs on real time) fires it;
    // DecisionExecutionDue then makes the executor carry the decision out.
    await settle();
    const day = new ManualClock(new Date(`${repeatCase.decision.executesOn}T00:00:00+07:00`));
    const early = new WorkflowRuntime({ pool: engine.app.get<Pool>(PG_POOL), clock: new ManualClock(new Date(day.now().getTime() - 60_000)), processManagers: [decisionExecutionProcessManager] });
    expect(await early.fireDueTimers()).toBe(0); // a minute before the day: nothing fires
    const onTheDay = new WorkflowRuntime({ pool: engine.app.get<Pool>(PG_POOL), clock: day, processManagers: [decisionExecutionProcessManager] });
    expect(await onTheDay.fireDueTimers()).toBe(1);
    await settle();
    expect((await get(`/cases/${id}`, admin)).body.status).toBe('executed');
    // Rerunning the executor (as after a crash) changes nothing.
    const executor = new DecisionExecutor(engine.app.get(EVENT_STORE), day, engine.app.get<Pool>(PG_POOL), engine.app.get(CommandRunner), engine.app.get(CaseFacts));
    expect(await executor.executeIfDue(id)).toMatchObject({ status: 'executed' });

    expect((await get(`/officials/${ids.subject}`, admin)).body).toMatchObject({ unitId: ids.otherWard, position: 'Chuyên viên' });
    for (const findingId of findings) {
      const finding = (await get(`/findings/${findingId}`, admin)).body;
      expect(finding.responsibleOfficialIds).toEqual([ids.successor]);
      const events = (await get(`/findings/${findingId}/events`, admin)).body as Array<{ type: string; data: Record<string, unknown> }>;
      expect(events.find((e) => e.type === 'FindingResponsibilityHandedOver')?.data).toMatchObject({ fromOfficialId: ids.subject, toOfficialId: ids.successor, caseId: id });
    }
    const history = (await get(`/cases/${id}/events`, admin)).body.map((e: { type: string }) => e.type);
    expect(history).toEqual(expect.arrayContaining(['CaseOpened', 'SubjectNotified', 'ExplanationSubmitted', 'HearingRecorded', 'VoteCast', 'CaseDecided', 'DecisionExecutionStarted', 'DecisionExecuted']));

    // The board's view of the official: findings, evaluations, every case step, the transfer and the handovers.
    const board = await engine.token('board_member', 'member-1');
    const official = await get(`/officials/${ids.subject}/history`, board);
    expect(official.status).toBe(200);
    const types = new Set((official.body.entries as Array<{ type: string }>).map((e) => e.type));
    for (const type of ['FindingRecorded', 'EvaluationRecorded', 'CaseOpened', 'ExplanationSubmitted', 'HearingRecorded', 'CaseDecided', 'DecisionExecuted', 'OfficialTransferred', 'FindingResponsibilityHandedOver']) {
      expect(types).toContain(type);
    }
    const successorHistory = (await get(`/officials/${ids.successor}/history`, board)).body.entries as Array<{ type: string }>;
    expect(successorHistory.filter((e) => e.type === 'FindingResponsibilityHandedOver')).toHaveLength(findings.length);
  });

  it('a withdrawn finding leaves the grounds of an open case, and the case history says so', async () => {
    const colleagueFindings = [
      await recordFinding(ids.colleague, '2026-02-01T09:00:00+07:00'),
      await recordFinding(ids.colleague, '2026-02-02T09:00:00+07:00'),
      await recordFinding(ids.colleague, '2026-02-03T09:00:00+07:00'),
    ];
    await settle();
    const [open] = await casesOf(ids.colleague);
    expect(open.grounds).toHaveLength(3);
    const head = await engine.token('unit_head', ids.head);
    expect((await post(`/findings/${colleagueFindings[1]}/dispute`, head, { reason: 'Cán bộ đi công tác có quyết định' })).status).toBe(200);
    const lead = await engine.token('team_lead', ids.lead);
    expect((await post(`/findings/${colleagueFindings[1]}/dispute-resolution`, lead, { upheld: false, reason: 'Có quyết định cử đi công tác' })).status).toBe(200);
    await settle();
    const after = (await get(`/cases/${open.id}`, admin)).body;
    expect(after.grounds.find((g: { id: string }) => g.id === `finding:${colleagueFindings[1]}`)).toMatchObject({ withdrawn: true });
    const events = (await get(`/cases/${open.id}/events`, admin)).body as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.find((e) => e.type === 'CaseGroundWithdrawn')?.data).toMatchObject({ groundId: `finding:${colleagueFindings[1]}`, remainingGrounds: 2 });
  });

  it('does not miss a repeat-findings referral while the findings view lags behind the reactions', async () => {
    const laggard = await created('/officials', { fullName: 'Trịnh Văn Khoa', unitId: ids.ward, position: 'Công chức địa chính' });
    await settle();
    const projections = engine.app.get<{ start(): Promise<void>; stop(): Promise<void> }>(PROJECTION_RUNNER);
    await projections.stop(); // rm_findings falls behind: the three findings are in the log only
    for (const observedAt of ['2026-02-02T09:00:00+07:00', '2026-02-03T09:00:00+07:00', '2026-02-04T09:00:00+07:00']) await recordFinding(laggard, observedAt);
    const reacting = engine.app.get(DisciplineReactions).catchUp();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const opened = async () => (await engine.app.get<Pool>(PG_POOL).query(`SELECT count(*)::int AS n FROM events WHERE type = 'CaseOpened' AND data->'subject'->>'officialId' = $1`, [laggard])).rows[0].n as number;
    expect(await opened()).toBe(0); // the reaction waits for the view instead of counting what it holds
    await projections.start();
    await reacting;
    await settle();
    expect(await opened()).toBe(1);
    expect((await casesOf(laggard)).map((c) => c.origin.rule)).toEqual(['repeat_findings']);
  });

  it('imports ratings from CSV: good rows written, bad rows reported, a retry writes nothing twice', async () => {
    const csv = ['officialId,period,rating,note', `${ids.colleague},2026-01,good,`, `${ids.colleague},2026-13,good,`, `not-a-uuid,2026-01,good,`, `${ids.successor},2026-01,excellent,Tốt`].join('\n');
    const send = () => engine.http.post('/api/v1/evaluations/import').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'import-1').set('Content-Type', 'text/csv').send(csv);
    const first = await send();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 4, accepted: 2, rejected: 2 });
    expect(first.body.report.map((r: { status: string; code?: string }) => r.code ?? r.status)).toEqual(['accepted', 'EVALUATION.INVALID_PERIOD', 'IMPORT.INVALID_OFFICIAL_ID', 'accepted']);
    const retry = await send();
    expect(retry.body.report.map((r: { evaluation?: { version: number } }) => r.evaluation?.version)).toEqual(first.body.report.map((r: { evaluation?: { version: number } }) => r.evaluation?.version));
    await settle();
    expect((await get(`/officials/${ids.colleague}/evaluations`, admin)).body.ratings).toEqual([expect.objectContaining({ period: '2026-01', rating: 'good' })]);
    const json = await engine.http.post('/api/v1/officials/' + ids.colleague + '/evaluations').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'csv-elsewhere').set('Content-Type', 'text/csv').send('x');
    expect(json.status).toBe(415);
  });

  it('counts a finding in one repeat-findings referral only: the fourth opens nothing, the sixth opens the second', async () => {
    const repeated = await created('/officials', { fullName: 'Đỗ Thị Hằng', unitId: ids.ward, position: 'Công chức tư pháp' });
    await settle();
    const first = [];
    for (const day of ['03', '04', '05', '06']) first.push(await recordFinding(repeated, `2026-04-${day}T09:00:00+07:00`));
    await settle();
    const grounds = async () => (await casesOf(repeated)).map((c) => c.grounds.map((g: { id: string }) => g.id).sort());
    expect(await grounds()).toEqual([first.slice(0, 3).map((f) => `finding:${f}`).sort()]);
    const second = [first[3], await recordFinding(repeated, '2026-04-07T09:00:00+07:00'), await recordFinding(repeated, '2026-04-08T09:00:00+07:00')];
    await settle();
    expect((await grounds()).sort()).toEqual([first.slice(0, 3), second].map((run) => run.map((f) => `finding:${f}`).sort()).sort());
  });
});
