import { AUDIT_PROJECTIONS } from '../apps/engine/src/audit/audit.tokens';
import { DisciplineReactions } from '../apps/engine/src/discipline/referrals/discipline-reactions';
import { startTestEngine, type TestEngine } from './support/test-engine';
import { workflowHelpers, type WorkflowOrg } from './support/workflow-fixture';

/**
 * The unit_overdue rule driven by the real remediation process on the dev clock (threshold 2
 * here): one overdue finding is not enough; an extension granted ends a finding's overdue; when
 * two are overdue at once the unit head is referred once, grounded on both.
 *
 * Critical findings (5 working days): recorded Mon 6 Mar 2023 → due Mon 13 Mar (overdue from
 * Tue 14 Mar 00:00 +07:00); recorded Tue 7 Mar → due Tue 14 Mar (overdue from Wed 15 Mar).
 */
describe('discipline: head-accountability referral when a unit has ≥ N findings overdue at once', () => {
  let engine: TestEngine;
  let w: ReturnType<typeof workflowHelpers>;
  let org: WorkflowOrg;
  let admin: string;
  let first: string;
  let second: string;

  const settle = async () => {
    await w.settle();
    await engine.app.get(DisciplineReactions).catchUp();
    await engine.catchUp();
    await engine.app.get<{ catchUp(): Promise<void> }>(AUDIT_PROJECTIONS).catchUp();
  };
  const headCases = async () =>
    ((await w.get(`/cases?subjectOfficialId=${org.wardHead}`, admin).expect(200)).body.items as Array<{ id: string; origin: { rule: string }; subject: { kind: string }; grounds: { id: string }[] }>)
      .filter((c) => c.origin.rule === 'unit_overdue');

  beforeAll(async () => {
    engine = await startTestEngine({ manualClockStart: '2023-03-06T09:00:00+07:00', env: { DISCIPLINE_UNIT_OVERDUE_FINDINGS: '2' } });
    w = workflowHelpers(engine);
    admin = await engine.token('admin', 'admin-1');
    org = await w.organisation(admin);
    first = await w.recordFinding(org, '2023-03-06T08:30:00+07:00', 'critical');
    await w.moveClock(admin, '2023-03-07T09:00:00+07:00');
    second = await w.recordFinding(org, '2023-03-07T08:30:00+07:00', 'critical');
  });
  afterAll(async () => {
    delete process.env.DISCIPLINE_UNIT_OVERDUE_FINDINGS;
    await engine?.close();
  });

  it('does not refer while only one finding is overdue', async () => {
    await w.moveClock(admin, '2023-03-14T00:00:00+07:00');
    await settle();
    expect((await w.get(`/findings/${first}`, admin).expect(200)).body.overdue).toBe(true);
    expect(await headCases()).toEqual([]);
  });

  it('an extension granted ends a finding’s overdue: the second overdue finding alone does not refer', async () => {
    const head = await engine.token('unit_head', org.wardHead);
    await w.post(`/findings/${first}/acknowledgement`, head).expect(200);
    const asked = await w.post(`/findings/${first}/extension-requests`, head, { workingDays: 5, reason: 'Chờ thiết bị' }).expect(201);
    await w.post(`/findings/${first}/extension-requests/${asked.body.requestId}/decision`, await engine.token('team_lead', org.lead), { granted: true, reason: 'Hợp lý' }).expect(200);
    await settle();
    expect((await w.get(`/findings/${first}`, admin).expect(200)).body).toMatchObject({ overdue: false, dueDate: '2023-03-20' });
    await w.moveClock(admin, '2023-03-15T00:00:00+07:00');
    await settle();
    expect((await w.get(`/findings/${second}`, admin).expect(200)).body.overdue).toBe(true);
    expect(await headCases()).toEqual([]);
  });

  it('refers the unit head once when two are overdue at once, grounded on both', async () => {
    await w.moveClock(admin, '2023-03-21T00:00:00+07:00'); // the extended deadline (Mon 20 Mar) has passed
    await settle();
    await settle(); // a second pass opens nothing new
    const cases = await headCases();
    expect(cases).toHaveLength(1);
    expect(cases[0].subject.kind).toBe('unit_head');
    expect(cases[0].grounds.map((g) => g.id).sort()).toEqual([`finding:${first}`, `finding:${second}`].sort());
    const history = (await w.get(`/officials/${org.wardHead}/history`, await engine.token('board_member', 'member-1')).expect(200)).body.entries as Array<{ type: string }>;
    expect(history.map((e) => e.type)).toContain('CaseOpened');
  });
});
