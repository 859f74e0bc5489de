import { DeciderSpecification } from '@rectify/testing';
import type { FindingEvent } from '../finding/finding.events';
import { DEFAULT_DEADLINE_POLICY, resolveRemediationRules } from './deadline-policy';
import type { RemediationEvent, RemediationStarted, RemediationStreamEvent } from './remediation.events';
import type { RemediationContext, RemediationInput } from './remediation.inputs';
import { remediationProcess } from './remediation.decider';
import { remediationTimers } from './remediation.schedule';
import type { ExistingRemediation, RemediationState } from './remediation.state';
import { weekendsOnlyCalendar } from './weekends-only-calendar';

/** Weekends-only calendar: the Vietnamese holidays are the calendar module's business. */
const calendar = weekendsOnlyCalendar();
const F = 'f-1';
const HEAD = { officialId: 'head-1', unitId: 'u-1', role: 'unit_head' as const };
const SUPERVISOR = { officialId: 'boss-1', unitId: 'u-parent', role: 'supervising_authority' as const };
const rules = resolveRemediationRules(DEFAULT_DEADLINE_POLICY, 0, { severity: 'major', category: 'working_hours', unitKind: 'ward' });
const ctx = (now: string, extra: Partial<RemediationContext> = {}): RemediationContext => ({ now, calendar, unitHead: HEAD, supervisor: SUPERVISOR, ...extra });

const finding = (event: FindingEvent, occurredAt: string, extra: Partial<RemediationContext> = {}): RemediationInput => ({
  type: 'FindingEvent',
  event,
  occurredAt,
  context: ctx(occurredAt, extra),
});
const timer = (key: string, dueAt: string): RemediationInput => ({
  type: 'TimerFired',
  timer: { timerId: `t-${key}`, key, dueAt, firedAt: dueAt },
  context: ctx(dueAt),
});
const fired = (key: string, dueAt: string): RemediationStreamEvent => ({
  type: 'ProcessTimerFired',
  data: { timerId: `t-${key}`, key, dueAt, firedAt: dueAt },
});

const recorded: FindingEvent = {
  type: 'FindingRecorded',
  data: {
    findingId: F, inspectionId: 'i-1', unitId: 'u-1', category: 'working_hours', severity: 'major', title: 'Desk empty',
    description: 'd', responsibleOfficialIds: ['o-1'], evidence: [], observedAt: '2023-01-19T01:00:00.000Z',
  },
};
const RECORDED_AT = '2023-01-19T02:00:00.000Z'; // Thu 19 Jan 2023, 09:00 in Hanoi

const spec = () => DeciderSpecification.for(remediationProcess);
const stateAfter = (events: RemediationStreamEvent[]): ExistingRemediation =>
  events.reduce<RemediationState>(remediationProcess.evolve, remediationProcess.initialState()) as ExistingRemediation;
const decide = (events: RemediationStreamEvent[], input: RemediationInput): RemediationEvent[] =>
  remediationProcess.decide(input, stateAfter(events));

const started = decide([], finding(recorded, RECORDED_AT, { start: { rules, teamId: 'team-1' } })) as [RemediationStarted];

describe('remediation process: when the clocks start', () => {
  it('starts both clocks on the recording date: acknowledge in 2, remediate in 15 working days (major)', () => {
    expect(started).toHaveLength(1);
    expect(started[0].data).toMatchObject({
      findingId: F,
      teamId: 'team-1',
      startedOn: '2023-01-19',
      acknowledgeBy: '2023-01-23T17:00:00.000Z', // end of Mon 23 Jan, Vietnam time
      schedule: {
        dueDate: '2023-02-09',
        dueAt: '2023-02-09T17:00:00.000Z',
        reminders: [
          { kind: 'before_due', date: '2023-02-06', at: '2023-02-06T01:00:00.000Z' },
          { kind: 'due_day', date: '2023-02-09', at: '2023-02-09T01:00:00.000Z' },
        ],
        escalationAt: ['2023-02-09T17:00:00.000Z', '2023-02-16T17:00:00.000Z', '2023-02-23T17:00:00.000Z'],
      },
    });
  });

  it('asks for the acknowledgement, reminder, overdue and first escalation timers', () => {
    expect(remediationTimers(stateAfter(started)).map((t) => [t.key, t.dueAt])).toEqual([
      ['acknowledgement', '2023-01-23T17:00:00.000Z'],
      ['c0:reminder:before_due:2023-02-06', '2023-02-06T01:00:00.000Z'],
      ['c0:reminder:due_day:2023-02-09', '2023-02-09T01:00:00.000Z'],
      ['c0:overdue:2023-02-09', '2023-02-09T17:00:00.000Z'],
      ['c0:escalation:1', '2023-02-09T17:00:00.000Z'],
    ]);
  });

  it('takes the first matching policy rule over the severity default', () => {
    const policy = { ...DEFAULT_DEADLINE_POLICY, rules: [{ unitKind: 'ward' as const, severity: 'major' as const, remediationWorkingDays: 10 }] };
    expect(resolveRemediationRules(policy, 3, { severity: 'major', category: 'attitude', unitKind: 'ward' })).toMatchObject({ remediationWorkingDays: 10, policyRevision: 3 });
    expect(resolveRemediationRules(policy, 3, { severity: 'major', category: 'attitude', unitKind: 'district' }).remediationWorkingDays).toBe(15);
  });

  it('stops the acknowledgement clock when the unit acknowledges', () => {
    const ack = decide(started, finding({ type: 'FindingAcknowledged', data: { findingId: F } }, '2023-01-20T02:00:00.000Z'));
    expect(ack).toEqual([{ type: 'RemediationAcknowledged', data: { findingId: F } }]);
    expect(remediationTimers(stateAfter([...started, ...ack])).map((t) => t.key)).not.toContain('acknowledgement');
  });

  it('tells the unit head when the acknowledgement deadline passes unanswered', () => {
    const events = decide(started, timer('acknowledgement', '2023-01-23T17:00:00.000Z'));
    expect(events.map((e) => e.type)).toEqual(['AcknowledgementOverdue', 'NotificationRequested']);
    expect(events[1].data).toMatchObject({ kind: 'acknowledgement_overdue', recipients: [HEAD] });
  });
});

describe('remediation process: pause and restart', () => {
  const disputed: FindingEvent = { type: 'FindingDisputed', data: { findingId: F, reason: 'r' } };
  const paused = decide(started, finding(disputed, '2023-01-23T03:00:00.000Z')); // Mon 23 Jan

  it('pauses every clock while a dispute is open: no timers at all', () => {
    expect(paused).toEqual([{ type: 'RemediationClockPaused', data: { findingId: F, reason: 'dispute', pausedOn: '2023-01-23' } }]);
    expect(remediationTimers(stateAfter([...started, ...paused]))).toEqual([]);
    expect(decide([...started, ...paused], timer('c0:reminder:before_due:2023-02-06', '2023-02-06T01:00:00.000Z'))).toEqual([]);
  });

  it('restarts when the dispute is upheld, moving the deadline by the working days it stood still', () => {
    const upheld: FindingEvent = { type: 'FindingDisputeResolved', data: { findingId: F, upheld: true, reason: 'stands' } };
    const resumed = decide([...started, ...paused], finding(upheld, '2023-01-25T03:00:00.000Z')); // Wed 25 Jan
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({
      type: 'RemediationClockResumed',
      data: { reason: 'dispute', resumedOn: '2023-01-25', pausedWorkingDays: 2, overdue: false, schedule: { dueDate: '2023-02-13' } },
    });
    const keys = remediationTimers(stateAfter([...started, ...paused, ...resumed])).map((t) => t.key);
    expect(keys).not.toContain('acknowledgement'); // the dispute answered the finding
    expect(keys).toContain('c0:overdue:2023-02-13');
  });

  it('ends (and cancels every timer) when the dispute withdraws the finding', () => {
    const ended = decide([...started, ...paused], finding({ type: 'FindingWithdrawn', data: { findingId: F, reason: 'wrong' } }, '2023-01-25T03:00:00.000Z'));
    expect(ended).toEqual([{ type: 'RemediationEnded', data: { findingId: F, reason: 'withdrawn', endedOn: '2023-01-25' } }]);
    expect(remediationTimers(stateAfter([...started, ...paused, ...ended]))).toEqual([]);
  });

  it('pauses while evidence awaits verification and restarts when it is rejected', () => {
    const evidence: FindingEvent = { type: 'RemediationEvidenceSubmitted', data: { findingId: F, description: 'd', attachments: [] } };
    const p = decide(started, finding(evidence, '2023-02-01T03:00:00.000Z')); // Wed 1 Feb
    expect(p[0]).toMatchObject({ type: 'RemediationClockPaused', data: { reason: 'verification' } });
    const rejected: FindingEvent = { type: 'RemediationRejected', data: { findingId: F, comment: 'no' } };
    const r = decide([...started, ...p], finding(rejected, '2023-02-03T03:00:00.000Z')); // Fri 3 Feb
    expect(r[0]).toMatchObject({ type: 'RemediationClockResumed', data: { pausedWorkingDays: 2, schedule: { dueDate: '2023-02-13' } } });
  });

  it('restarts a reopened finding with a fresh period and escalation back at 0', () => {
    const history = [...started, { type: 'RemediationEnded', data: { findingId: F, reason: 'closed', endedOn: '2023-02-01' } } as RemediationEvent];
    const reopened: FindingEvent = { type: 'FindingReopened', data: { findingId: F, reason: 'again' } };
    const restarted = decide(history, finding(reopened, '2023-03-01T03:00:00.000Z')); // Wed 1 Mar
    expect(restarted[0]).toMatchObject({ type: 'RemediationRestarted', data: { startedOn: '2023-03-01', schedule: { dueDate: '2023-03-22' } } });
    const state = stateAfter([...history, ...restarted]);
    expect(state).toMatchObject({ status: 'running', cycle: 1, escalationLevel: 0, overdue: false });
    expect(remediationTimers(state).map((t) => t.key)).toContain('c1:escalation:1');
  });
});

describe('remediation process: reminders, overdue and the escalation ladder', () => {
  const level1 = decide(started, timer('c0:escalation:1', '2023-02-09T17:00:00.000Z'));

  it('sends reminders to the unit head', () => {
    const events = decide(started, timer('c0:reminder:before_due:2023-02-06', '2023-02-06T01:00:00.000Z'));
    expect(events[0]).toMatchObject({ type: 'RemediationReminderIssued', data: { kind: 'before_due', workingDaysLeft: 3, addressee: HEAD } });
    expect(events[1]).toMatchObject({ type: 'NotificationRequested', data: { kind: 'reminder', recipients: [HEAD] } });
  });

  it('level 1 at the deadline: marks overdue and escalates to the unit head', () => {
    expect(level1.map((e) => e.type)).toEqual(['FindingMarkedOverdue', 'FindingEscalated', 'NotificationRequested']);
    expect(level1[1].data).toMatchObject({ level: 1, addressee: HEAD, workingDaysOverdue: 0 });
    // the overdue timer of the same instant then decides nothing
    const after = [...started, fired('c0:escalation:1', '2023-02-09T17:00:00.000Z'), ...level1];
    expect(decide(after, timer('c0:overdue:2023-02-09', '2023-02-09T17:00:00.000Z'))).toEqual([]);
  });

  it('level 2 at +5 working days goes to the supervising authority; level 3 refers to the disciplinary board', () => {
    const h1 = [...started, fired('c0:escalation:1', '2023-02-09T17:00:00.000Z'), ...level1];
    const level2 = decide(h1, timer('c0:escalation:2', '2023-02-16T17:00:00.000Z'));
    expect(level2[0]).toMatchObject({ type: 'FindingEscalated', data: { level: 2, addressee: SUPERVISOR, workingDaysOverdue: 5 } });
    const h2 = [...h1, fired('c0:escalation:2', '2023-02-16T17:00:00.000Z'), ...level2];
    const level3 = decide(h2, timer('c0:escalation:3', '2023-02-23T17:00:00.000Z'));
    expect(level3.map((e) => e.type)).toEqual(['FindingEscalated', 'FindingReferredToDisciplinaryBoard', 'NotificationRequested']);
    expect(level3[1].data).toMatchObject({
      officialIds: ['o-1', 'head-1'],
      unitHeadOfficialId: 'head-1',
      grounds: { kind: 'remediation_overdue', dueDate: '2023-02-09', workingDaysOverdue: 10, escalations: [{ level: 1 }, { level: 2 }] },
    });
    const final = stateAfter([...h2, fired('c0:escalation:3', '2023-02-23T17:00:00.000Z'), ...level3]);
    expect(final).toMatchObject({ escalationLevel: 3, escalatedTo: ['head-1', 'boss-1'] });
    // nothing after level 3 (this history never fired the acknowledgement timer)
    expect(remediationTimers(final).map((t) => t.key)).toEqual(['acknowledgement']);
  });

  it('an extension moves the deadline; the level reached stays and the next level is timed from the new deadline', () => {
    const h1 = [...started, fired('c0:escalation:1', '2023-02-09T17:00:00.000Z'), ...level1];
    const granted: FindingEvent = {
      type: 'FindingExtensionDecided',
      data: { findingId: F, requestId: 'x-1', granted: true, workingDays: 10, reason: 'ok', decidedBy: 'lead-1' },
    };
    const extended = decide(h1, finding(granted, '2023-02-10T03:00:00.000Z'));
    expect(extended[0]).toMatchObject({ type: 'RemediationDeadlineExtended', data: { previousDueDate: '2023-02-09', overdue: false, schedule: { dueDate: '2023-02-23' } } });
    const state = stateAfter([...h1, ...extended]);
    expect(state).toMatchObject({ overdue: false, escalationLevel: 1, extensionsGranted: 1 });
    expect(remediationTimers(state).map((t) => [t.key, t.dueAt])).toContainEqual(['c0:escalation:2', '2023-03-02T17:00:00.000Z']);
    // the old level-2 moment is stale now
    expect(decide([...h1, ...extended], timer('c0:escalation:2', '2023-02-16T17:00:00.000Z'))).toEqual([]);
  });

  it('ends on closure: no timer is wanted any more', () => {
    const closed: FindingEvent = { type: 'FindingClosed', data: { findingId: F, selfCertified: false } };
    const ended = decide(started, finding(closed, '2023-02-01T03:00:00.000Z'));
    expect(ended[0]).toMatchObject({ type: 'RemediationEnded', data: { reason: 'closed' } });
    expect(remediationTimers(stateAfter([...started, ...ended]))).toEqual([]);
    expect(decide([...started, ...ended], timer('c0:escalation:1', '2023-02-09T17:00:00.000Z'))).toEqual([]);
  });

  it('is a decider: given/when/then', () => {
    spec()
      .given(started)
      .when(finding({ type: 'FindingAcknowledged', data: { findingId: F } }, '2023-01-20T02:00:00.000Z'))
      .then([{ type: 'RemediationAcknowledged', data: { findingId: F } }]);
  });
});
