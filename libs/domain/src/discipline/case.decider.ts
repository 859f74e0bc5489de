import { assertNever, assertRole, vietnamCalendarDate, type Actor, type Decider, type Role } from '../shared';
import type {
  CaseCommand,
  CastVote,
  CompleteDecisionExecution,
  FileAppeal,
  OpenCase,
  RecordDecision,
  RecordHearing,
  ScheduleHearing,
  StartDecisionExecution,
  SubmitExplanation,
  WithdrawGround,
} from './case.commands';
import { caseConflict, CaseErrorCode, caseForbidden, caseNotFound, invalidCase } from './case.errors';
import type { CaseEvent } from './case.events';
import { evolveCase } from './case.evolve';
import { initialCaseState, type CaseState, type ExistingCase } from './case.state';
import { DECISION_KINDS, type CaseStatus } from './case.values';
import { nextDay, requireDateNotBefore, requireIdList, requireInstant, requireText, validateDecision } from './case.validation';
import { sortGrounds } from './referral.values';

const SECRETARY: readonly Role[] = ['board_secretary', 'admin'];
const SYSTEM: readonly Role[] = ['system'];

/**
 * Case lifecycle (anything else is refused with a named error):
 *   absent → open (CaseOpened + SubjectNotified) → hearing_scheduled ⟲ (rescheduled) → heard
 *   heard → votes → decided (quorum and majority for the decided kind)
 *   decided → open (appeal by the subject within the window: votes and hearing start over)
 *   decided → executing (plan fixed, after the appeal window and on/after the effective date) → executed
 * The subject explains in writing until the due date; grounds may be withdrawn until execution.
 */
function decide(command: CaseCommand, state: CaseState): CaseEvent[] {
  switch (command.type) {
    case 'OpenCase':
      return openCase(command, state);
    case 'SubmitExplanation':
      return submitExplanation(command, existing(state, command.data.caseId));
    case 'ScheduleHearing':
      return scheduleHearing(command, existing(state, command.data.caseId));
    case 'RecordHearing':
      return recordHearing(command, existing(state, command.data.caseId));
    case 'CastVote':
      return castVote(command, existing(state, command.data.caseId));
    case 'RecordDecision':
      return recordDecision(command, existing(state, command.data.caseId));
    case 'FileAppeal':
      return fileAppeal(command, existing(state, command.data.caseId));
    case 'WithdrawGround':
      return withdrawGround(command, existing(state, command.data.caseId));
    case 'StartDecisionExecution':
      return startExecution(command, existing(state, command.data.caseId));
    case 'CompleteDecisionExecution':
      return completeExecution(command, existing(state, command.data.caseId));
    default:
      return assertNever(command);
  }
}

function existing(state: CaseState, caseId: string): ExistingCase {
  if (state.status === 'absent') throw caseNotFound(caseId);
  return state;
}

function requireStatus(c: ExistingCase, allowed: readonly CaseStatus[], action: string): void {
  if (!allowed.includes(c.status)) {
    throw caseConflict(CaseErrorCode.WRONG_STATUS, `Case ${c.id} is ${c.status}; cannot ${action}`, { caseId: c.id, status: c.status, allowed });
  }
}

function requireRole(actor: Actor, roles: readonly Role[], action: string): void {
  assertRole(actor, roles, CaseErrorCode.FORBIDDEN, action);
}

function openCase({ data, metadata }: OpenCase, state: CaseState): CaseEvent[] {
  requireRole(metadata.actor, data.origin.kind === 'manual' ? SECRETARY : [...SECRETARY, ...SYSTEM], 'open cases');
  if (state.status !== 'absent') throw caseConflict(CaseErrorCode.ALREADY_OPEN, `Case ${state.id} already exists`, { caseId: state.id });
  if (!data.subject?.officialId || !data.subject.unitId || !['official', 'unit_head'].includes(data.subject.kind)) {
    throw invalidCase(CaseErrorCode.INVALID_SUBJECT, 'The subject names an official, their unit and whether they answer as official or unit head', { field: 'subject' });
  }
  const grounds = sortGrounds(data.grounds ?? []);
  if (data.origin.kind === 'referral' && grounds.length === 0) throw invalidCase(CaseErrorCode.INVALID_GROUNDS, 'A referral names its grounds', { field: 'grounds' });
  const summary = requireText(data.summary, 'summary');
  const explanationDueDate = requireDateNotBefore(data.explanationDueDate, vietnamCalendarDate(metadata.now), 'explanationDueDate');
  return [
    { type: 'CaseOpened', data: { caseId: data.caseId, subject: data.subject, origin: data.origin, grounds, summary } },
    { type: 'SubjectNotified', data: { caseId: data.caseId, officialId: data.subject.officialId, explanationDueDate } },
  ];
}

function submitExplanation({ data, metadata }: SubmitExplanation, c: ExistingCase): CaseEvent[] {
  if (metadata.actor.id !== c.subject.officialId) {
    throw caseForbidden(CaseErrorCode.NOT_THE_SUBJECT, 'Only the subject of the case may submit the explanation', { caseId: c.id });
  }
  requireStatus(c, ['open', 'hearing_scheduled', 'heard'], 'take an explanation');
  if (c.explanations.some((e) => e.round === c.round)) {
    throw caseConflict(CaseErrorCode.EXPLANATION_ALREADY_SUBMITTED, 'The explanation for this round was already submitted', { caseId: c.id });
  }
  const today = vietnamCalendarDate(metadata.now);
  if (today > c.explanationDueDate) {
    throw caseConflict(CaseErrorCode.EXPLANATION_DEADLINE_PASSED, `The explanation was due by ${c.explanationDueDate}`, { caseId: c.id, dueDate: c.explanationDueDate });
  }
  const text = requireText(data.text, 'text');
  return [{ type: 'ExplanationSubmitted', data: { caseId: c.id, officialId: c.subject.officialId, text, round: c.round } }];
}

function scheduleHearing({ data, metadata }: ScheduleHearing, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, SECRETARY, 'schedule hearings');
  requireStatus(c, ['open', 'hearing_scheduled'], 'schedule a hearing');
  const scheduledAt = requireInstant(data.scheduledAt, 'scheduledAt');
  const location = requireText(data.location, 'location', 500);
  return [{ type: 'HearingScheduled', data: { caseId: c.id, scheduledAt, location } }];
}

function recordHearing({ data, metadata }: RecordHearing, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, SECRETARY, 'record hearings');
  requireStatus(c, ['hearing_scheduled'], 'record a hearing');
  const heldAt = requireInstant(data.heldAt, 'heldAt');
  if (Date.parse(heldAt) > metadata.now.getTime()) throw invalidCase(CaseErrorCode.INVALID_HEARING, 'heldAt is in the future', { field: 'heldAt' });
  const attendeeIds = requireIdList(data.attendeeIds, 'attendeeIds');
  const minutes = requireText(data.minutes, 'minutes');
  return [{ type: 'HearingRecorded', data: { caseId: c.id, heldAt, attendeeIds, minutes } }];
}

/** Rules: board members only; never the subject nor the subject's unit head; one vote per member per round. */
function castVote({ data, metadata }: CastVote, c: ExistingCase): CaseEvent[] {
  const { actor } = metadata;
  requireRole(actor, ['board_member'], 'vote');
  if (actor.id === c.subject.officialId) throw caseForbidden(CaseErrorCode.SUBJECT_CANNOT_VOTE, 'The subject cannot vote on their own case', { caseId: c.id });
  if (actor.id === c.subject.unitHeadOfficialId) {
    throw caseForbidden(CaseErrorCode.UNIT_HEAD_CANNOT_VOTE, "The subject's unit head cannot vote on the case", { caseId: c.id });
  }
  requireStatus(c, ['heard'], 'vote (the hearing comes first)');
  if (c.votes.some((v) => v.memberId === actor.id)) throw caseConflict(CaseErrorCode.ALREADY_VOTED, `Member ${actor.id} already voted`, { caseId: c.id, memberId: actor.id });
  if (!DECISION_KINDS.includes(data.decisionKind)) throw invalidCase(CaseErrorCode.INVALID_DECISION, 'decisionKind is not a decision kind', { field: 'decisionKind' });
  return [{ type: 'VoteCast', data: { caseId: c.id, memberId: actor.id, decisionKind: data.decisionKind } }];
}

/** Quorum: at least `quorum` votes; majority: votes for this kind > majorityShare × votes cast. */
function recordDecision({ data, metadata }: RecordDecision, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, SECRETARY, 'record decisions');
  requireStatus(c, ['heard'], 'record a decision');
  const today = vietnamCalendarDate(metadata.now);
  const decision = validateDecision(data.decision, c, today);
  const votesCast = c.votes.length;
  if (votesCast < data.quorum) {
    throw caseConflict(CaseErrorCode.NO_QUORUM, `${votesCast} of the ${data.quorum} votes needed were cast`, { caseId: c.id, votesCast, quorum: data.quorum });
  }
  const votesFor = c.votes.filter((v) => v.decisionKind === decision.kind).length;
  if (votesFor <= data.majorityShare * votesCast) {
    throw caseConflict(CaseErrorCode.NO_MAJORITY, `${votesFor} of ${votesCast} votes are for ${decision.kind}`, { caseId: c.id, votesFor, votesCast });
  }
  const appealDeadline = requireDateNotBefore(data.appealDeadline, today, 'appealDeadline');
  const afterAppeal = nextDay(appealDeadline);
  const executesOn = decision.effectiveDate > afterAppeal ? decision.effectiveDate : afterAppeal;
  return [{ type: 'CaseDecided', data: { caseId: c.id, decision: { ...decision, decidedOn: today, appealDeadline, executesOn, votesFor, votesCast } } }];
}

function fileAppeal({ data, metadata }: FileAppeal, c: ExistingCase): CaseEvent[] {
  if (metadata.actor.id !== c.subject.officialId) throw caseForbidden(CaseErrorCode.NOT_THE_SUBJECT, 'Only the subject may appeal', { caseId: c.id });
  requireStatus(c, ['decided'], 'appeal');
  const decision = c.decision!;
  const today = vietnamCalendarDate(metadata.now);
  if (today > decision.appealDeadline) {
    throw caseConflict(CaseErrorCode.APPEAL_WINDOW_CLOSED, `The appeal window closed on ${decision.appealDeadline}`, { caseId: c.id });
  }
  const reason = requireText(data.reason, 'reason');
  const explanationDueDate = requireDateNotBefore(data.explanationDueDate, today, 'explanationDueDate');
  return [
    { type: 'CaseAppealed', data: { caseId: c.id, reason, appealedDecision: decision } },
    { type: 'CaseReopened', data: { caseId: c.id, round: c.round + 1, reason, explanationDueDate } },
  ];
}

/** Idempotent: a ground already withdrawn yields nothing. */
function withdrawGround({ data, metadata }: WithdrawGround, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, [...SECRETARY, ...SYSTEM], 'withdraw grounds');
  const target = c.grounds.find((g) => g.id === data.groundId);
  if (!target) throw invalidCase(CaseErrorCode.UNKNOWN_GROUND, `${data.groundId} is not a ground of case ${c.id}`, { field: 'groundId' });
  if (target.withdrawn) return [];
  requireStatus(c, ['open', 'hearing_scheduled', 'heard', 'decided'], 'withdraw a ground');
  const reason = requireText(data.reason, 'reason');
  const remainingGrounds = c.grounds.filter((g) => !g.withdrawn && g.id !== target.id).length;
  return [{ type: 'CaseGroundWithdrawn', data: { caseId: c.id, groundId: target.id, reason, remainingGrounds } }];
}

function startExecution({ data, metadata }: StartDecisionExecution, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, SYSTEM, 'carry out decisions');
  requireStatus(c, ['decided'], 'carry out the decision');
  const today = vietnamCalendarDate(metadata.now);
  if (today < c.decision!.executesOn) {
    throw caseConflict(CaseErrorCode.NOT_YET_EXECUTABLE, `The decision is carried out on ${c.decision!.executesOn}`, { caseId: c.id, executesOn: c.decision!.executesOn });
  }
  return [{ type: 'DecisionExecutionStarted', data: { caseId: c.id, steps: data.steps } }];
}

function completeExecution({ data, metadata }: CompleteDecisionExecution, c: ExistingCase): CaseEvent[] {
  requireRole(metadata.actor, SYSTEM, 'carry out decisions');
  requireStatus(c, ['executing'], 'complete the execution');
  return [{ type: 'DecisionExecuted', data: { caseId: c.id, decisionKind: c.decision!.kind, notes: [...data.notes] } }];
}

export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState> = {
  decide,
  evolve: evolveCase,
  initialState: initialCaseState,
};
