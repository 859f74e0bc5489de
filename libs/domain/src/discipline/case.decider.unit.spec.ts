import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, IllegalTransitionError, ValidationError, type Role } from '../shared';
import type { CaseCommand } from './case.commands';
import { caseDecider } from './case.decider';
import type { CaseEvent } from './case.events';
import type { Decision, RecordedDecision } from './case.values';

const NOW = new Date('2024-03-04T03:00:00Z'); // Monday 4 March 2024, Vietnam
const spec = () => DeciderSpecification.for(caseDecider);
const as = (id: string, role: Role, now = NOW) => ({ actor: { id, role }, now });
const subject = { officialId: 'o-1', kind: 'official' as const, unitId: 'u-1', unitHeadOfficialId: 'h-1' };
const grounds = [
  { id: 'finding:f-2', kind: 'finding' as const, sourceId: 'f-2', note: '' },
  { id: 'finding:f-1', kind: 'finding' as const, sourceId: 'f-1', note: '' },
];
const cmd = <T extends CaseCommand['type']>(type: T, data: object, metadata = as('sec-1', 'board_secretary')) =>
  ({ type, data: { caseId: 'c-1', ...data }, metadata }) as Extract<CaseCommand, { type: T }>;

const opened: CaseEvent[] = [
  {
    type: 'CaseOpened',
    data: {
      caseId: 'c-1',
      subject,
      origin: { kind: 'referral', referralId: 'r-1', rule: 'repeat_findings', proposal: null },
      grounds: [grounds[1], grounds[0]],
      summary: 'Three findings in a year',
    },
  },
  { type: 'SubjectNotified', data: { caseId: 'c-1', officialId: 'o-1', explanationDueDate: '2024-03-11' } },
];
const scheduled: CaseEvent = { type: 'HearingScheduled', data: { caseId: 'c-1', scheduledAt: '2024-03-05T02:00:00.000Z', location: 'Phòng họp 2' } };
const heard: CaseEvent = {
  type: 'HearingRecorded',
  data: { caseId: 'c-1', heldAt: '2024-03-04T02:00:00.000Z', attendeeIds: ['m-1', 'm-2', 'm-3', 'o-1'], minutes: 'Biên bản' },
};
const vote = (memberId: string, decisionKind: Decision['kind'] = 'transfer'): CaseEvent => ({ type: 'VoteCast', data: { caseId: 'c-1', memberId, decisionKind } });
const transfer: Decision = { kind: 'transfer', reasons: 'Vi phạm lặp lại', effectiveDate: '2024-03-20', successorOfficialId: 's-1', transferTo: { unitId: 'u-2', position: 'Chuyên viên' } };
const decide = (decision: Decision = transfer) => cmd('RecordDecision', { decision, appealDeadline: '2024-03-18', quorum: 3, majorityShare: 0.5 });
const recorded: RecordedDecision = { ...transfer, decidedOn: '2024-03-04', appealDeadline: '2024-03-18', executesOn: '2024-03-20', votesFor: 3, votesCast: 3 };
const decided: CaseEvent = { type: 'CaseDecided', data: { caseId: 'c-1', decision: recorded } };
const beforeVotes = [...opened, scheduled, heard];
const voted = [...beforeVotes, vote('m-1'), vote('m-2'), vote('m-3')];

describe('disciplinary case decider', () => {
  it('opens from a referral (system), notifies the subject, sorts the grounds', () => {
    spec()
      .given([])
      .when(cmd('OpenCase', { subject, origin: { kind: 'referral', referralId: 'r-1', rule: 'repeat_findings', proposal: null }, grounds, summary: ' Three findings in a year ', explanationDueDate: '2024-03-11' }, as('system', 'system')))
      .then(opened);
  });

  it('opens manually only by the board secretary', () => {
    const open = (role: Role) => cmd('OpenCase', { subject, origin: { kind: 'manual' }, grounds: [], summary: 'Phản ánh của công dân', explanationDueDate: '2024-03-11' }, as('x', role));
    spec().given([]).when(open('board_secretary')).thenState({ status: 'open', origin: { kind: 'manual' } });
    spec().given([]).when(open('system')).thenThrows(ForbiddenError, 'CASE.FORBIDDEN');
    spec().given(opened).when(open('board_secretary')).thenThrows(IllegalTransitionError, 'CASE.ALREADY_OPEN');
  });

  it('takes one written explanation from the subject until the due date', () => {
    const explain = (id = 'o-1', now = NOW) => cmd('SubmitExplanation', { text: 'Tôi xin giải trình' }, as(id, 'unit_head', now));
    spec().given(opened).when(explain()).then([{ type: 'ExplanationSubmitted', data: { caseId: 'c-1', officialId: 'o-1', text: 'Tôi xin giải trình', round: 0 } }]);
    spec().given(opened).when(explain('o-2')).thenThrows(ForbiddenError, 'CASE.NOT_THE_SUBJECT');
    spec().given(opened).when(explain('o-1', new Date('2024-03-11T17:00:00Z'))).thenThrows('CASE.EXPLANATION_DEADLINE_PASSED');
    const submitted = { type: 'ExplanationSubmitted', data: { caseId: 'c-1', officialId: 'o-1', text: 'x', round: 0 } } as CaseEvent;
    spec().given([...opened, submitted]).when(explain()).thenThrows('CASE.EXPLANATION_ALREADY_SUBMITTED');
  });

  it('schedules (and reschedules) a hearing, then records it', () => {
    spec().given(opened).when(cmd('ScheduleHearing', { scheduledAt: '2024-03-05T09:00:00+07:00', location: 'Phòng họp 2' })).then([scheduled]);
    spec().given([...opened, scheduled]).when(cmd('ScheduleHearing', { scheduledAt: '2024-03-06T09:00:00+07:00', location: 'Phòng họp 2' })).thenState({ status: 'hearing_scheduled' });
    spec().given([...opened, scheduled]).when(cmd('RecordHearing', { heldAt: '2024-03-04T09:00:00+07:00', attendeeIds: ['m-1', 'm-2', 'm-3', 'o-1'], minutes: 'Biên bản' })).then([heard]);
    spec().given(opened).when(cmd('RecordHearing', { heldAt: '2024-03-04T09:00:00+07:00', attendeeIds: ['m-1'], minutes: 'x' })).thenThrows('CASE.WRONG_STATUS');
  });

  describe('votes', () => {
    const castBy = (id: string, kind: Decision['kind'] = 'transfer') => cmd('CastVote', { decisionKind: kind }, as(id, 'board_member'));

    it('records a member vote after the hearing', () => {
      spec().given(beforeVotes).when(castBy('m-1')).then([vote('m-1')]);
    });

    it('refuses the subject, the subject’s unit head, a second vote, and votes before the hearing', () => {
      spec().given(beforeVotes).when(castBy('o-1')).thenThrows(ForbiddenError, 'CASE.SUBJECT_CANNOT_VOTE');
      spec().given(beforeVotes).when(castBy('h-1')).thenThrows(ForbiddenError, 'CASE.UNIT_HEAD_CANNOT_VOTE');
      spec().given([...beforeVotes, vote('m-1')]).when(castBy('m-1')).thenThrows(IllegalTransitionError, 'CASE.ALREADY_VOTED');
      spec().given(opened).when(castBy('m-1')).thenThrows('CASE.WRONG_STATUS');
      spec().given(beforeVotes).when(cmd('CastVote', { decisionKind: 'transfer' }, as('m-1', 'board_secretary'))).thenThrows(ForbiddenError, 'CASE.FORBIDDEN');
    });
  });

  describe('decision', () => {
    it('is recorded with quorum and majority; executes after the appeal window and on the effective date', () => {
      spec().given(voted).when(decide()).then([decided]);
      spec().given(voted).when(decide({ ...transfer, effectiveDate: '2024-03-05' })).thenState({ status: 'decided', decision: { executesOn: '2024-03-19' } });
    });

    it('needs the quorum and a majority for the decided kind', () => {
      spec().given([...beforeVotes, vote('m-1'), vote('m-2')]).when(decide()).thenThrows(IllegalTransitionError, 'CASE.NO_QUORUM');
      spec().given([...beforeVotes, vote('m-1'), vote('m-2', 'warning'), vote('m-3', 'warning'), vote('m-4')]).when(decide()).thenThrows('CASE.NO_MAJORITY');
    });

    it('checks each kind’s requirements', () => {
      const bad = (patch: Partial<Decision>) => spec().given(voted).when(decide({ ...transfer, ...patch })).thenThrows(ValidationError, 'CASE.INVALID_DECISION');
      bad({ transferTo: null });
      bad({ successorOfficialId: 'o-1' });
      bad({ kind: 'replacement', transferTo: null }); // the subject answers as an official, not as head
      bad({ kind: 'warning' }); // a warning names no unit
      spec().given(voted).when(decide({ ...transfer, effectiveDate: '2024-03-01' })).thenThrows(ValidationError, 'CASE.INVALID_DATE');
    });
  });

  describe('appeal', () => {
    const appeal = (now = NOW, id = 'o-1') => cmd('FileAppeal', { reason: 'Không đồng ý', explanationDueDate: '2024-03-25' }, as(id, 'unit_head', now));

    it('reopens the case within the window: votes and hearing start over', () => {
      spec()
        .given([...voted, decided])
        .when(appeal())
        .then([
          { type: 'CaseAppealed', data: { caseId: 'c-1', reason: 'Không đồng ý', appealedDecision: recorded } },
          { type: 'CaseReopened', data: { caseId: 'c-1', round: 1, reason: 'Không đồng ý', explanationDueDate: '2024-03-25' } },
        ]);
      spec().given([...voted, decided]).when(appeal()).thenState({ status: 'open', round: 1, votes: [], hearing: null, decision: null });
    });

    it('is refused after the window and to anyone but the subject', () => {
      spec().given([...voted, decided]).when(appeal(new Date('2024-03-18T17:00:00Z'))).thenThrows('CASE.APPEAL_WINDOW_CLOSED');
      spec().given([...voted, decided]).when(appeal(NOW, 'o-2')).thenThrows(ForbiddenError, 'CASE.NOT_THE_SUBJECT');
    });
  });

  it('withdraws a ground once and says how many remain', () => {
    const withdraw = cmd('WithdrawGround', { groundId: 'finding:f-1', reason: 'Finding f-1 withdrawn (dispute upheld for the unit)' }, as('system', 'system'));
    spec().given(opened).when(withdraw).then([{ type: 'CaseGroundWithdrawn', data: { caseId: 'c-1', groundId: 'finding:f-1', reason: 'Finding f-1 withdrawn (dispute upheld for the unit)', remainingGrounds: 1 } }]);
    spec().given([...opened, ...caseDecider.decide(withdraw, caseDecider.evolve(caseDecider.evolve(caseDecider.initialState(), opened[0]), opened[1]))]).when(withdraw).then([]);
    spec().given(opened).when({ ...withdraw, data: { ...withdraw.data, groundId: 'finding:f-9' } }).thenThrows(ValidationError, 'CASE.UNKNOWN_GROUND');
  });

  it('carries out the decision only from its execution day, with a fixed plan', () => {
    const start = (now: Date) => cmd('StartDecisionExecution', { steps: [] }, as('system', 'system', now));
    spec().given([...voted, decided]).when(start(new Date('2024-03-19T03:00:00Z'))).thenThrows('CASE.NOT_YET_EXECUTABLE');
    spec().given([...voted, decided]).when(start(new Date('2024-03-20T03:00:00Z'))).thenState({ status: 'executing', executionSteps: [] });
    const started: CaseEvent = { type: 'DecisionExecutionStarted', data: { caseId: 'c-1', steps: [] } };
    spec()
      .given([...voted, decided, started])
      .when(cmd('CompleteDecisionExecution', { notes: ['done'] }, as('system', 'system')))
      .then([{ type: 'DecisionExecuted', data: { caseId: 'c-1', decisionKind: 'transfer', notes: ['done'] } }]);
  });
});
