import { assertNever, vietnamCalendarDate } from '../shared';
import type { FindingEvent } from '../finding/finding.events';
import { evolveRemediation } from './remediation.evolve';
import type { RemediationEvent, RemediationStreamEvent } from './remediation.events';
import type { FindingInput, RemediationContext, RemediationInput, TimerInput } from './remediation.inputs';
import { remediationTimers, scheduleFor } from './remediation.schedule';
import { initialRemediationState, type ExistingRemediation, type RemediationState } from './remediation.state';
import { endOfVietnamDay } from './remediation-time';
import { escalate, notifyAcknowledgementOverdue, remind } from './remediation.notices';

/**
 * The remediation process of one finding (a process manager: a decider over its own stream).
 *
 * Clock rules:
 * - start: FindingRecorded starts both clocks on the Vietnam date of the recording:
 *   acknowledge by the end of +acknowledgeWorkingDays, remediate by the end of +N working days
 *   (N by severity, or the first matching policy rule);
 * - the acknowledgement clock stops when the unit acknowledges or disputes;
 * - pause: a dispute, or evidence awaiting verification, stops the remediation clock (no
 *   reminders, no overdue, no escalation: the ball is with the inspection team);
 * - restart after a pause (dispute upheld, remediation rejected): the deadline moves by the
 *   working days in (pausedOn, resumedOn];
 * - extension granted: the deadline moves by the granted working days; overdue is cleared if
 *   the new deadline is still ahead; the escalation level reached stays;
 * - reopening: a fresh period of N working days from the reopening; overdue and escalation
 *   start again from 0;
 * - closed or withdrawn: the process ends and every timer is cancelled.
 */
function decide(input: RemediationInput, state: RemediationState): RemediationEvent[] {
  switch (input.type) {
    case 'FindingEvent':
      return onFindingEvent(input, state);
    case 'TimerFired':
      return state.status === 'running' ? onTimer(input, state) : [];
    default:
      return assertNever(input);
  }
}

function onFindingEvent(input: FindingInput, state: RemediationState): RemediationEvent[] {
  const { event, context } = input;
  const on = vietnamCalendarDate(new Date(input.occurredAt));
  if (event.type === 'FindingRecorded') return state.status === 'absent' ? start(input, on) : [];
  if (state.status === 'absent') return [];
  if (event.type === 'FindingReopened') return restart(state, event.data.reason, on, context);
  if (state.status === 'ended') return [];
  const findingId = state.findingId;
  switch (event.type) {
    case 'FindingAcknowledged':
      return state.acknowledgeBy ? [{ type: 'RemediationAcknowledged', data: { findingId } }] : [];
    case 'FindingDisputed':
      return pause(state, 'dispute', on);
    case 'RemediationEvidenceSubmitted':
      return pause(state, 'verification', on);
    case 'FindingDisputeResolved':
      return event.data.upheld ? resume(state, on, context) : [];
    case 'RemediationRejected':
      return resume(state, on, context);
    case 'FindingWithdrawn':
      return [{ type: 'RemediationEnded', data: { findingId, reason: 'withdrawn', endedOn: on } }];
    case 'FindingClosed':
      return [{ type: 'RemediationEnded', data: { findingId, reason: 'closed', endedOn: on } }];
    case 'FindingExtensionDecided':
      return event.data.granted ? extend(state, event.data.requestId, event.data.workingDays, context) : [];
    case 'FindingDelegated':
      return [{ type: 'RemediationDelegated', data: { findingId, fromTeamId: state.teamId, toTeamId: event.data.toTeamId } }];
    default:
      return [];
  }
}

function start(input: FindingInput, on: string): RemediationEvent[] {
  const { event, context } = input;
  if (event.type !== 'FindingRecorded' || !context.start) return [];
  const { rules, teamId } = context.start;
  const d = event.data;
  const dueDate = context.calendar.addWorkingDays(on, rules.remediationWorkingDays);
  return [
    {
      type: 'RemediationStarted',
      data: {
        findingId: d.findingId,
        unitId: d.unitId,
        teamId,
        severity: d.severity,
        category: d.category,
        title: d.title,
        responsibleOfficialIds: [...d.responsibleOfficialIds],
        rules,
        startedOn: on,
        acknowledgeBy: endOfVietnamDay(context.calendar.addWorkingDays(on, rules.acknowledgeWorkingDays)),
        schedule: scheduleFor(dueDate, rules, context.calendar, context.now),
      },
    },
  ];
}

function restart(state: ExistingRemediation, reason: string, on: string, context: RemediationContext): RemediationEvent[] {
  const dueDate = context.calendar.addWorkingDays(on, state.rules.remediationWorkingDays);
  const schedule = scheduleFor(dueDate, state.rules, context.calendar, context.now);
  return [{ type: 'RemediationRestarted', data: { findingId: state.findingId, reason, startedOn: on, schedule } }];
}

function pause(state: ExistingRemediation, reason: 'dispute' | 'verification', on: string): RemediationEvent[] {
  if (state.status !== 'running') return [];
  return [{ type: 'RemediationClockPaused', data: { findingId: state.findingId, reason, pausedOn: on } }];
}

function resume(state: ExistingRemediation, on: string, context: RemediationContext): RemediationEvent[] {
  if (state.status !== 'paused' || !state.pause) return [];
  const pausedWorkingDays = Math.max(0, context.calendar.workingDaysBetween(state.pause.since, on));
  const dueDate = context.calendar.addWorkingDays(state.schedule.dueDate, pausedWorkingDays);
  const schedule = scheduleFor(dueDate, state.rules, context.calendar, context.now);
  return [
    {
      type: 'RemediationClockResumed',
      data: { findingId: state.findingId, reason: state.pause.reason, resumedOn: on, pausedWorkingDays, schedule, overdue: schedule.dueAt <= context.now },
    },
  ];
}

function extend(state: ExistingRemediation, requestId: string, workingDays: number, context: RemediationContext): RemediationEvent[] {
  const dueDate = context.calendar.addWorkingDays(state.schedule.dueDate, workingDays);
  const schedule = scheduleFor(dueDate, state.rules, context.calendar, context.now);
  return [
    {
      type: 'RemediationDeadlineExtended',
      data: {
        findingId: state.findingId,
        requestId,
        workingDays,
        previousDueDate: state.schedule.dueDate,
        schedule,
        overdue: schedule.dueAt <= context.now,
      },
    },
  ];
}

/** A timer that is no longer wanted in this state (moved deadline, answered) decides nothing. */
function onTimer(input: TimerInput, state: ExistingRemediation): RemediationEvent[] {
  const { timer, context } = input;
  const wanted = remediationTimers(state).find((t) => t.key === timer.key && t.dueAt === timer.dueAt);
  if (!wanted) return [];
  const [, kind, detail] = timer.key.split(':');
  if (timer.key === 'acknowledgement') return notifyAcknowledgementOverdue(state, context);
  if (kind === 'reminder') return remind(state, detail === 'due_day' ? 'due_day' : 'before_due', context);
  if (kind === 'overdue') return state.overdue ? [] : [markOverdue(state)];
  if (kind === 'escalation') return escalate(state, Number(detail) as 1 | 2 | 3, context);
  return [];
}

export function markOverdue(state: ExistingRemediation): RemediationEvent {
  return { type: 'FindingMarkedOverdue', data: { findingId: state.findingId, dueDate: state.schedule.dueDate, dueAt: state.schedule.dueAt } };
}

/** The finding events that move the process (the runtime subscribes to these). */
export const REMEDIATION_INPUT_TYPES = [
  'FindingRecorded',
  'FindingAcknowledged',
  'FindingDisputed',
  'FindingDisputeResolved',
  'FindingWithdrawn',
  'RemediationEvidenceSubmitted',
  'RemediationRejected',
  'FindingClosed',
  'FindingReopened',
  'FindingExtensionDecided',
  'FindingDelegated',
] as const satisfies readonly FindingEvent['type'][];

export const remediationProcess = {
  decide,
  evolve: (state: RemediationState, event: RemediationStreamEvent) => evolveRemediation(state, event),
  initialState: initialRemediationState,
  timers: (state: RemediationState) => (state.status === 'absent' ? [] : remediationTimers(state)),
};
