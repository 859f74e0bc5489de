import { assertNever } from '../shared';
import type { RemediationStreamEvent } from './remediation.events';
import type { RemediationState } from './remediation.state';

export function evolveRemediation(state: RemediationState, event: RemediationStreamEvent): RemediationState {
  if (event.type === 'RemediationStarted') {
    const { startedOn: _startedOn, ...facts } = event.data;
    return {
      status: 'running',
      ...facts,
      cycle: 0,
      pause: null,
      overdue: false,
      escalationLevel: 0,
      escalations: [],
      escalatedTo: [],
      extensionsGranted: 0,
      firedKeys: [],
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'RemediationAcknowledged':
      return { ...state, acknowledgeBy: null };
    case 'RemediationClockPaused':
      return { ...state, status: 'paused', acknowledgeBy: null, pause: { reason: event.data.reason, since: event.data.pausedOn } };
    case 'RemediationClockResumed':
      return { ...state, status: 'running', pause: null, schedule: event.data.schedule, overdue: event.data.overdue };
    case 'RemediationDeadlineExtended':
      return { ...state, schedule: event.data.schedule, overdue: event.data.overdue, extensionsGranted: state.extensionsGranted + 1 };
    case 'RemediationRestarted':
      return {
        ...state,
        status: 'running',
        cycle: state.cycle + 1,
        pause: null,
        schedule: event.data.schedule,
        overdue: false,
        escalationLevel: 0,
      };
    case 'RemediationEnded':
      return { ...state, status: 'ended', pause: null, acknowledgeBy: null };
    case 'RemediationDelegated':
      return { ...state, teamId: event.data.toTeamId };
    case 'ProcessTimerFired':
      return { ...state, firedKeys: [...state.firedKeys, event.data.key] };
    case 'FindingMarkedOverdue':
      return { ...state, overdue: true };
    case 'FindingEscalated': {
      const { level, addressee } = event.data;
      const escalatedTo = addressee.officialId && !state.escalatedTo.includes(addressee.officialId)
        ? [...state.escalatedTo, addressee.officialId]
        : state.escalatedTo;
      return {
        ...state,
        overdue: true,
        escalationLevel: level,
        escalations: [...state.escalations, { level, at: event.data.escalatedAt, addressee }],
        escalatedTo,
      };
    }
    case 'AcknowledgementOverdue':
    case 'RemediationReminderIssued':
    case 'FindingReferredToDisciplinaryBoard':
    case 'NotificationRequested':
      return state;
    default:
      return assertNever(event);
  }
}
