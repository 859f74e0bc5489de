import type { Command } from '../shared';
import type { CaseOrigin, CaseSubject, Decision, DecisionKind, ExecutionStep } from './case.values';
import type { Ground } from './referral.values';

/**
 * Opened from a referral (system or board secretary) or manually (board secretary).
 * `explanationDueDate` is computed by the handler: policy working days after today.
 */
export type OpenCase = Command<
  'OpenCase',
  { caseId: string; subject: CaseSubject; origin: CaseOrigin; grounds: Ground[]; summary: string; explanationDueDate: string }
>;

/** The subject's written explanation, on or before the due date (Vietnam civil date). */
export type SubmitExplanation = Command<'SubmitExplanation', { caseId: string; text: string }>;

export type ScheduleHearing = Command<'ScheduleHearing', { caseId: string; scheduledAt: string; location: string }>;

export type RecordHearing = Command<'RecordHearing', { caseId: string; heldAt: string; attendeeIds: string[]; minutes: string }>;

export type CastVote = Command<'CastVote', { caseId: string; decisionKind: DecisionKind }>;

/** `quorum`/`majorityShare` are policy; `appealDeadline` is computed by the handler (working days). */
export type RecordDecision = Command<
  'RecordDecision',
  { caseId: string; decision: Decision; appealDeadline: string; quorum: number; majorityShare: number }
>;

/** By the subject within the appeal window; `explanationDueDate` (handler: policy working days) reopens the explanation window. */
export type FileAppeal = Command<'FileAppeal', { caseId: string; reason: string; explanationDueDate: string }>;

/** A ground leaves the case (e.g. its finding was withdrawn); the case history says why. */
export type WithdrawGround = Command<'WithdrawGround', { caseId: string; groundId: string; reason: string }>;

/** The execution plan is fixed in the case stream before any step runs, so a crash resumes the same plan. */
export type StartDecisionExecution = Command<'StartDecisionExecution', { caseId: string; steps: ExecutionStep[] }>;

export type CompleteDecisionExecution = Command<'CompleteDecisionExecution', { caseId: string; notes: string[] }>;

export type CaseCommand =
  | OpenCase
  | SubmitExplanation
  | ScheduleHearing
  | RecordHearing
  | CastVote
  | RecordDecision
  | FileAppeal
  | WithdrawGround
  | StartDecisionExecution
  | CompleteDecisionExecution;
