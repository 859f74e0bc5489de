import { assertNever } from '../shared';
import type { CaseEvent } from './case.events';
import type { CaseState } from './case.state';

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'CaseOpened') {
    const { caseId, subject, origin, grounds, summary } = event.data;
    return {
      status: 'open',
      id: caseId,
      subject,
      origin,
      grounds: grounds.map((g) => ({ ...g, withdrawn: false, withdrawalReason: null })),
      summary,
      explanationDueDate: '',
      round: 0,
      explanations: [],
      hearing: null,
      votes: [],
      decision: null,
      appealedDecisions: [],
      executionSteps: null,
      executionNotes: [],
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'SubjectNotified':
      return { ...state, explanationDueDate: event.data.explanationDueDate };
    case 'ExplanationSubmitted':
      return { ...state, explanations: [...state.explanations, { round: event.data.round, text: event.data.text }] };
    case 'HearingScheduled':
      return {
        ...state,
        status: 'hearing_scheduled',
        hearing: { scheduledAt: event.data.scheduledAt, location: event.data.location, heldAt: null, attendeeIds: [], minutes: null },
      };
    case 'HearingRecorded':
      return {
        ...state,
        status: 'heard',
        hearing: {
          scheduledAt: state.hearing?.scheduledAt ?? event.data.heldAt,
          location: state.hearing?.location ?? '',
          heldAt: event.data.heldAt,
          attendeeIds: event.data.attendeeIds,
          minutes: event.data.minutes,
        },
      };
    case 'VoteCast':
      return { ...state, votes: [...state.votes, { memberId: event.data.memberId, decisionKind: event.data.decisionKind }] };
    case 'CaseDecided':
      return { ...state, status: 'decided', decision: event.data.decision };
    case 'CaseAppealed':
      return { ...state, appealedDecisions: [...state.appealedDecisions, { decision: event.data.appealedDecision, reason: event.data.reason }] };
    case 'CaseReopened':
      return { ...state, status: 'open', round: event.data.round, explanationDueDate: event.data.explanationDueDate, decision: null, votes: [], hearing: null };
    case 'CaseGroundWithdrawn':
      return {
        ...state,
        grounds: state.grounds.map((g) => (g.id === event.data.groundId ? { ...g, withdrawn: true, withdrawalReason: event.data.reason } : g)),
      };
    case 'DecisionExecutionStarted':
      return { ...state, status: 'executing', executionSteps: event.data.steps };
    case 'DecisionExecuted':
      return { ...state, status: 'executed', executionNotes: event.data.notes };
    default:
      return assertNever(event);
  }
}
