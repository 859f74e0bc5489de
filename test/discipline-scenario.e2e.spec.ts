import { AUDIT_PROJECTIONS } from '../apps/engine/src/audit/audit.tokens';
import { DisciplineReactions } from '../apps/engine/src/discipline/referrals/discipline-reactions';
import { startTestEngine, type TestEngine } from './support/test-engine';
import { workflowHelpers, type WorkflowOrg } from './support/workflow-fixture';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
type Body = Record<string, any>;

/**
 * "Done when", without substitutions: everything on the engine's own dev clock.
 * The clerk is responsible for three findings within a year; the first (major, recorded Thu 19
 * Jan 2023) is escalated to level 3 by the real remediation process at the end of Thu 2 Mar;
 * two annual not_completed ratings. → cases; the level-3 case is heard and decided (transfer,
 * the successor named); the appeal window passes on the engine clock; the decision-execution
 * timer fires on the engine's own runtime; the transfer is carried out and the open findings
 * pass to the successor, deadlines unchanged; registry, inbox and the board's history show it.
 */
describe('discipline "Done when": escalation to execution on the engine clock', () => {
  let engine: TestEngine;
  let w: ReturnType<typeof workflowHelpers>;
  let org: WorkflowOrg;
  let admin: string;
  let successor: string;
  let otherWard: string;
  let findings: string[];
  let level3: Body;
  const dueBefore = new Map<string, string | null>();

  const settle = async () => {
    await w.settle();
    await engine.app.get(DisciplineReactions).catchUp();
    await w.settle();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_PROJECTIONS).catchUp();
  };
  const casesOf = async (officialId: string) => (await w.get(`/cases?subjectOfficialId=${officialId}`, admin).expect(200)).body.items as Body[];
  const created = async (path: string, body: object) => (await w.post(path, admin, body).expect(201)).body.id as string;

  beforeAll(async () => {
    engine = await startTestEngine({ manualClockStart: '2023-01-19T09:00:00+07:00' });
    w = workflowHelpers(engine);
    admin = await engine.token('admin', 'admin-1');
    org = await w.organisation(admin);
    successor = await created('/officials', { fullName: 'Lý Văn Hải', unitId: org.ward, position: 'Công chức văn phòng' });
    otherWard = await created('/units', { name: 'UBND phường Ngọc Hà', kind: 'ward' });
  });
  afterAll(async () => engine?.close());

  it('three findings in a year, the first escalated to level 3 by the remediation process, two not_completed years → cases', async () => {
    findings = [await w.recordFinding(org, '2023-01-19T08:30:00+07:00', 'major')];
    const head = await engine.token('unit_head', org.wardHead);
    await w.post(`/officials/${org.clerk}/evaluations`, head, { period: '2021', rating: 'not_completed', note: 'Không hoàn thành' }).expect(201);
    await w.post(`/officials/${org.clerk}/evaluations`, head, { period: '2022', rating: 'not_completed' }).expect(201);
    await w.moveClock(admin, '2023-02-20T09:00:00+07:00');
    findings.push(await w.recordFinding(org, '2023-02-20T08:00:00+07:00', 'minor'), await w.recordFinding(org, '2023-02-20T08:30:00+07:00', 'minor'));
    await w.moveClock(admin, '2023-03-02T23:59:00+07:00');
    expect((await w.get(`/findings/${findings[0]}`, admin).expect(200)).body.escalationLevel).toBe(2);
    await w.moveClock(admin, '2023-03-03T00:00:00+07:00');
    await settle();
    expect((await w.processEvents(findings[0])).filter((e) => e.type === 'FindingReferredToDisciplinaryBoard')).toHaveLength(1);

    const rules = (await casesOf(org.clerk)).map((c) => c.origin.rule).sort();
    expect(rules).toEqual(['consecutive_not_completed', 'level3_escalation', 'repeat_findings']);
    expect((await casesOf(org.wardHead)).map((c) => `${c.origin.rule}:${c.subject.kind}`)).toEqual(['level3_escalation:unit_head']);
    level3 = (await casesOf(org.clerk)).find((c) => c.origin.rule === 'level3_escalation')!;
    expect(level3.grounds.map((g: { id: string }) => g.id)).toContain(`finding:${findings[0]}`);
    for (const id of findings) dueBefore.set(id, (await w.get(`/findings/${id}`, admin).expect(200)).body.dueAt);
  });

  it('explanation, hearing, votes and a transfer decision', async () => {
    const id = level3.id;
    const secretary = await engine.token('board_secretary', 'secretary-1');
    await w.post(`/cases/${id}/explanation`, await engine.token('unit_head', org.clerk), { text: 'Tôi xin giải trình: thiếu người trực.' }).expect(200);
    await w.post(`/cases/${id}/hearing`, secretary, { scheduledAt: '2023-03-03T09:00:00+07:00', location: 'Phòng họp số 2' }).expect(200);
    await w.moveClock(admin, '2023-03-03T11:00:00+07:00');
    await w.post(`/cases/${id}/hearing-record`, secretary, { heldAt: '2023-03-03T09:00:00+07:00', attendeeIds: ['member-1', 'member-2', 'member-3', org.clerk], minutes: 'Biên bản họp hội đồng' }).expect(200);
    for (const member of ['member-1', 'member-2', 'member-3']) {
      await w.post(`/cases/${id}/votes`, await engine.token('board_member', member), { decisionKind: 'transfer' }).expect(200);
    }
    const decided = await w.post(`/cases/${id}/decision`, secretary, {
      kind: 'transfer',
      reasons: 'Để phát sinh vi phạm kéo dài, bị chuyển Hội đồng kỷ luật',
      effectiveDate: '2023-03-03',
      successorOfficialId: successor,
      transferTo: { unitId: otherWard, position: 'Chuyên viên' },
    });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ status: 'decided', decision: { kind: 'transfer', votesFor: 3, votesCast: 3 } });
    level3 = decided.body;
  });

  it('is not carried out before the appeal window has passed on the engine clock', async () => {
    const executesOn = level3.decision.executesOn as string;
    expect(executesOn > '2023-03-03').toBe(true);
    expect((await w.post(`/cases/${level3.id}/execution`, admin).expect(200)).body.status).toBe('not_due');
    const dayBefore = new Date(Date.parse(`${executesOn}T00:00:00+07:00`) - 60_000).toISOString();
    await w.moveClock(admin, dayBefore);
    await settle();
    expect((await w.get(`/cases/${level3.id}`, admin).expect(200)).body.status).toBe('decided');
  });

  it('on the execution day: transferred, open findings handed to the successor, deadlines unchanged; registry, inbox, history', async () => {
    await w.moveClock(admin, `${level3.decision.executesOn}T00:00:00+07:00`);
    await settle();
    expect((await w.get(`/cases/${level3.id}`, admin).expect(200)).body.status).toBe('executed');

    expect((await w.get(`/officials/${org.clerk}`, admin).expect(200)).body).toMatchObject({ unitId: otherWard, position: 'Chuyên viên', status: 'active' });
    const listed = (await w.get(`/officials?unitId=${otherWard}`, admin).expect(200)).body.items as Body[];
    expect(listed.find((o) => o.id === org.clerk)).toMatchObject({ status: 'active' });
    for (const id of findings) {
      const finding = (await w.get(`/findings/${id}`, admin).expect(200)).body;
      expect(finding.responsibleOfficialIds).toEqual([successor]);
      expect(finding.dueAt).toBe(dueBefore.get(id));
      const events = (await w.get(`/findings/${id}/events`, admin).expect(200)).body as Body[];
      expect(events.find((e) => e.type === 'FindingResponsibilityHandedOver')?.data).toMatchObject({ fromOfficialId: org.clerk, toOfficialId: successor, caseId: level3.id });
    }

    const board = await engine.token('board_member', 'member-1');
    const types = ((await w.get(`/officials/${org.clerk}/history`, board).expect(200)).body.entries as Body[]).map((e) => e.type);
    for (const type of ['FindingRecorded', 'FindingReferredToDisciplinaryBoard', 'EvaluationRecorded', 'CaseOpened', 'ExplanationSubmitted', 'HearingRecorded', 'VoteCast', 'CaseDecided', 'DecisionExecuted', 'OfficialTransferred', 'FindingResponsibilityHandedOver']) {
      expect(types).toContain(type);
    }
    const successorHistory = ((await w.get(`/officials/${successor}/history`, board).expect(200)).body.entries as Body[]).filter((e) => e.type === 'FindingResponsibilityHandedOver');
    expect(successorHistory).toHaveLength(findings.length);
  });

  it('the successor’s inbox lists every open finding handed over, as responsible', async () => {
    // The successor is a ward official, not a head: only responsibility brings these findings to them.
    const inbox = (await w.get('/inbox', await engine.token('unit_head', successor)).expect(200)).body as Body;
    const items = (Array.isArray(inbox) ? inbox : inbox.items) as Body[];
    const open = [];
    for (const id of findings) {
      const finding = (await w.get(`/findings/${id}`, admin).expect(200)).body;
      if (!['closed', 'withdrawn'].includes(finding.status)) open.push(id);
    }
    expect(open.length).toBeGreaterThan(0);
    for (const id of open) {
      expect(items.find((i) => i.findingId === id)?.reasons).toContain('responsible');
    }
  });
});
