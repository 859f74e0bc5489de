import type { DomainEvent } from '../shared';
import type { CaseOrigin, CaseSubject, DecisionKind, ExecutionStep, RecordedDecision } from './case.values';
import type { Ground } from './referral.values';

export type CaseOpened = DomainEvent<
  'CaseOpened',
  { caseId: string; subject: CaseSubject; origin: CaseOrigin; grounds: Ground[]; summary: string }
>;
export type SubjectNotified = DomainEvent<'SubjectNotified', { caseId: string; officialId: string; explanationDueDate: string }>;
export type ExplanationSubmitted = DomainEvent<'ExplanationSubmitted', { caseId: string; officialId: string; text: string; round: number }>;
export type HearingScheduled = DomainEvent<'HearingScheduled', { caseId: string; scheduledAt: string; location: string }>;
export type HearingRecorded = DomainEvent<'HearingRecorded', { caseId: string; heldAt: string; attendeeIds: string[]; minutes: string }>;
export type VoteCast = DomainEvent<'VoteCast', { caseId: string; memberId: string; decisionKind: DecisionKind }>;
export type CaseDecided = DomainEvent<'CaseDecided', { caseId: string; decision: RecordedDecision }>;
export type CaseAppealed = DomainEvent<'CaseAppealed', { caseId: string; reason: string; appealedDecision: RecordedDecision }>;
/** Follows CaseAppealed: votes and hearing start over; the explanation window reopens. */
export type CaseReopened = DomainEvent<'CaseReopened', { caseId: string; round: number; reason: string; explanationDueDate: string }>;
export type CaseGroundWithdrawn = DomainEvent<'CaseGroundWithdrawn', { caseId: string; groundId: string; reason: string; remainingGrounds: number }>;
export type DecisionExecutionStarted = DomainEvent<'DecisionExecutionStarted', { caseId: string; steps: ExecutionStep[] }>;
export type DecisionExecuted = DomainEvent<'DecisionExecuted', { caseId: string; decisionKind: DecisionKind; notes: string[] }>;

export type CaseEvent =
  | CaseOpened
  | SubjectNotified
  | ExplanationSubmitted
  | HearingScheduled
  | HearingRecorded
  | VoteCast
  | CaseDecided
  | CaseAppealed
  | CaseReopened
  | CaseGroundWithdrawn
  | DecisionExecutionStarted
  | DecisionExecuted;

export const CASE_EVENT_TYPES = [
  'CaseOpened',
  'SubjectNotified',
  'ExplanationSubmitted',
  'HearingScheduled',
  'HearingRecorded',
  'VoteCast',
  'CaseDecided',
  'CaseAppealed',
  'CaseReopened',
  'CaseGroundWithdrawn',
  'DecisionExecutionStarted',
  'DecisionExecuted',
] as const satisfies readonly CaseEvent['type'][];
