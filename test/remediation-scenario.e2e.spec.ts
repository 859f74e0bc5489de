import { startTestEngine, type TestEngine } from './support/test-engine';
import { workflowHelpers, type WorkflowOrg } from './support/workflow-fixture';

/**
 * "Done when": a major finding recorded on Thu 19 Jan 2023 (15 working days), walked across
 * Tết 2023 (20–26 Jan for public servants) with the dev clock through the acknowledgement
 * deadline, both reminders, overdue and all three escalation levels. Needs the real
 * Vietnamese business calendar (CalendarModule).
 *
 * Working days after Thu 19 Jan: 27 Jan (1), 30 (2) … Thu 16 Feb (15).
 */
describe('remediation across Tết 2023, with the dev clock', () => {
  let engine: TestEngine;
  let w: ReturnType<typeof workflowHelpers>;
  let org: WorkflowOrg;
  let admin: string;
  let findingId: string;

  beforeAll(async () => {
    engine = await startTestEngine({ manualClockStart: '2023-01-19T09:00:00+07:00' });
    w = workflowHelpers(engine);
    admin = await engine.token('admin', 'admin-1');
    org = await w.organisation(admin);
    findingId = await w.recordFinding(org, '2023-01-19T08:30:00+07:00');
  });
  afterAll(async () => engine?.close());

  const finding = async () => (await w.get(`/findings/${findingId}`, admin).expect(200)).body;
  const decided = async () => (await w.processEvents(findingId)).filter((e) => e.type !== 'ProcessTimerFired');
  const countOf = async (type: string) => (await w.processEvents(findingId)).filter((e) => e.type === type).length;

  it('computes the deadlines in working days across Tết', async () => {
    expect(await finding()).toMatchObject({
      status: 'recorded',
      acknowledgeBy: '2023-01-30T17:00:00.000Z', // 2 working days: Fri 27, Mon 30 Jan (end of day, Vietnam)
      dueDate: '2023-02-16',
      dueAt: '2023-02-16T17:00:00.000Z',
      overdue: false,
      escalationLevel: 0,
      clock: 'running',
    });
  });

  it('tells the unit head at the end of Mon 30 Jan that the finding is unacknowledged', async () => {
    await w.moveClock(admin, '2023-01-30T23:59:00+07:00');
    expect(await countOf('AcknowledgementOverdue')).toBe(0);
    await w.moveClock(admin, '2023-01-31T00:00:00+07:00');
    const [overdue] = (await decided()).filter((e) => e.type === 'AcknowledgementOverdue');
    expect(overdue.data).toMatchObject({ acknowledgeBy: '2023-01-30T17:00:00.000Z', addressee: { officialId: org.wardHead, role: 'unit_head' } });
    const head = await engine.token('unit_head', org.wardHead);
    await w.post(`/findings/${findingId}/acknowledgement`, head).expect(200);
    await w.post(`/findings/${findingId}/plan`, head, { actions: ['Niêm yết đủ 12 thủ tục'], targetDate: '2023-02-15' }).expect(200);
    await w.settle();
  });

  it('reminds 3 working days before (Mon 13 Feb) and on the due day (Thu 16 Feb), at 08:00', async () => {
    await w.moveClock(admin, '2023-02-13T07:59:00+07:00');
    expect(await countOf('RemediationReminderIssued')).toBe(0);
    await w.moveClock(admin, '2023-02-13T08:00:00+07:00');
    const [before] = (await decided()).filter((e) => e.type === 'RemediationReminderIssued');
    expect(before).toMatchObject({ occurredAt: '2023-02-13T01:00:00.000Z', data: { kind: 'before_due', workingDaysLeft: 3, dueDate: '2023-02-16' } });
    await w.moveClock(admin, '2023-02-16T08:00:00+07:00');
    const reminders = (await decided()).filter((e) => e.type === 'RemediationReminderIssued');
    expect(reminders.map((r) => [r.data.kind, r.occurredAt])).toEqual([
      ['before_due', '2023-02-13T01:00:00.000Z'],
      ['due_day', '2023-02-16T01:00:00.000Z'],
    ]);
  });

  it('marks it overdue and escalates to the unit head when Thu 16 Feb ends (level 1)', async () => {
    await w.moveClock(admin, '2023-02-16T23:59:00+07:00');
    expect((await finding()).overdue).toBe(false);
    await w.moveClock(admin, '2023-02-17T00:00:00+07:00');
    expect(await finding()).toMatchObject({ overdue: true, escalationLevel: 1 });
    const [escalated] = (await decided()).filter((e) => e.type === 'FindingEscalated');
    expect(escalated.data).toMatchObject({ level: 1, escalatedAt: '2023-02-16T17:00:00.000Z', addressee: { officialId: org.wardHead, role: 'unit_head' } });
    const inbox = await w.get('/inbox', await engine.token('unit_head', org.wardHead)).expect(200);
    expect(inbox.body.items[0]).toMatchObject({ findingId, overdue: true, escalationLevel: 1 });
    expect(inbox.body.items[0].reasons).toEqual(expect.arrayContaining(['submit_evidence', 'escalated']));
  });

  it('escalates to the supervising authority at +5 working days (end of Thu 23 Feb, level 2)', async () => {
    await w.moveClock(admin, '2023-02-23T23:59:00+07:00');
    expect((await finding()).escalationLevel).toBe(1);
    await w.moveClock(admin, '2023-02-24T00:00:00+07:00');
    expect((await finding()).escalationLevel).toBe(2);
    const level2 = (await decided()).filter((e) => e.type === 'FindingEscalated')[1];
    expect(level2.data).toMatchObject({ level: 2, workingDaysOverdue: 5, addressee: { officialId: org.districtHead, unitId: org.district, role: 'supervising_authority' } });
    const inbox = await w.get('/inbox', await engine.token('supervisor', org.districtHead)).expect(200);
    expect(inbox.body.items.map((i: { findingId: string }) => i.findingId)).toContain(findingId);
  });

  it('refers to the disciplinary board at +10 working days (end of Thu 2 Mar, level 3), each notice exactly once', async () => {
    await w.moveClock(admin, '2023-03-02T23:59:00+07:00');
    expect((await finding()).escalationLevel).toBe(2);
    await w.moveClock(admin, '2023-03-03T00:00:00+07:00');
    expect(await finding()).toMatchObject({ escalationLevel: 3, overdue: true });
    const [referral] = (await decided()).filter((e) => e.type === 'FindingReferredToDisciplinaryBoard');
    expect(referral.data).toMatchObject({
      findingId,
      unitId: org.ward,
      officialIds: [org.clerk, org.wardHead],
      unitHeadOfficialId: org.wardHead,
      grounds: { kind: 'remediation_overdue', dueDate: '2023-02-16', workingDaysOverdue: 10, extensionsGranted: 0 },
    });
    await w.moveClock(admin, '2023-06-01T00:00:00+07:00'); // nothing more is due, ever
    const types = (await decided()).map((e) => e.type);
    expect(types.filter((t) => t === 'NotificationRequested')).toHaveLength(6); // ack, 2 reminders, 3 levels
    expect(types.filter((t) => t === 'FindingEscalated')).toHaveLength(3);
    expect(types.filter((t) => t === 'FindingMarkedOverdue')).toHaveLength(1);
    const board = await w.get('/inbox', await engine.token('board_member', 'board-1')).expect(200);
    expect(board.body.items[0]).toMatchObject({ findingId, escalationLevel: 3, reasons: ['referred'] });
  });
});
