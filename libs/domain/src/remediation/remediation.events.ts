import type { DomainEvent } from '../shared';
import type { FindingCategory, FindingSeverity } from '../finding/finding.values';
import type { IsoDate } from '../calendar/business-calendar';
import type { RemediationRules } from './deadline-policy';
import type { ProcessTimerFired } from './process-timer';
import type { Addressee, EscalationLevel, PauseReason, RemediationSchedule, ReminderKind } from './remediation.values';

/** Stream `remediation-<findingId>`: the remediation process of one finding. */
export const remediationStream = (findingId: string): string => `remediation-${findingId}`;

export type RemediationStarted = DomainEvent<
  'RemediationStarted',
  {
    findingId: string;
    unitId: string;
    teamId: string | null;
    severity: FindingSeverity;
    category: FindingCategory;
    title: string;
    responsibleOfficialIds: string[];
    rules: RemediationRules;
    /** Vietnam date the clocks start from (the recording). */
    startedOn: IsoDate;
    acknowledgeBy: string;
    schedule: RemediationSchedule;
  }
>;

export type RemediationAcknowledged = DomainEvent<'RemediationAcknowledged', { findingId: string }>;

export type RemediationClockPaused = DomainEvent<'RemediationClockPaused', { findingId: string; reason: PauseReason; pausedOn: IsoDate }>;

/** The deadline moves by the working days the clock stood still. */
export type RemediationClockResumed = DomainEvent<
  'RemediationClockResumed',
  { findingId: string; reason: PauseReason; resumedOn: IsoDate; pausedWorkingDays: number; schedule: RemediationSchedule; overdue: boolean }
>;

export type RemediationDeadlineExtended = DomainEvent<
  'RemediationDeadlineExtended',
  { findingId: string; requestId: string; workingDays: number; previousDueDate: IsoDate; schedule: RemediationSchedule; overdue: boolean }
>;

/** A reopened finding gets a fresh remediation period from the reopening; escalation starts again at 0. */
export type RemediationRestarted = DomainEvent<
  'RemediationRestarted',
  { findingId: string; reason: string; startedOn: IsoDate; schedule: RemediationSchedule }
>;

export type RemediationEnded = DomainEvent<'RemediationEnded', { findingId: string; reason: 'closed' | 'withdrawn'; endedOn: IsoDate }>;

export type RemediationDelegated = DomainEvent<'RemediationDelegated', { findingId: string; fromTeamId: string | null; toTeamId: string }>;

export type AcknowledgementOverdue = DomainEvent<'AcknowledgementOverdue', { findingId: string; acknowledgeBy: string; addressee: Addressee }>;

export type RemediationReminderIssued = DomainEvent<
  'RemediationReminderIssued',
  { findingId: string; kind: ReminderKind; dueDate: IsoDate; dueAt: string; workingDaysLeft: number; addressee: Addressee }
>;

export type FindingMarkedOverdue = DomainEvent<'FindingMarkedOverdue', { findingId: string; dueDate: IsoDate; dueAt: string }>;

export type FindingEscalated = DomainEvent<
  'FindingEscalated',
  { findingId: string; level: 1 | 2 | 3; escalatedAt: string; addressee: Addressee; dueDate: IsoDate; dueAt: string; workingDaysOverdue: number }
>;

/** Level 3: the discipline issue opens a case from this event. */
export type FindingReferredToDisciplinaryBoard = DomainEvent<
  'FindingReferredToDisciplinaryBoard',
  {
    findingId: string;
    unitId: string;
    severity: FindingSeverity;
    category: FindingCategory;
    title: string;
    /** Against whom: the responsible officials and, by policy, the unit head. */
    officialIds: string[];
    unitHeadOfficialId: string | null;
    grounds: {
      kind: 'remediation_overdue';
      dueDate: IsoDate;
      dueAt: string;
      workingDaysOverdue: number;
      extensionsGranted: number;
      escalations: { level: 1 | 2; at: string; addressee: Addressee }[];
    };
  }
>;

export type NotificationKind = 'acknowledgement_overdue' | 'reminder' | 'escalation' | 'referral';

/** Sent through the configured channel (webhook); the event id is the notification id. */
export type NotificationRequested = DomainEvent<
  'NotificationRequested',
  {
    kind: NotificationKind;
    findingId: string;
    recipients: Addressee[];
    subject: string;
    dueAt: string | null;
    level: EscalationLevel | null;
  }
>;

export type RemediationEvent =
  | RemediationStarted
  | RemediationAcknowledged
  | RemediationClockPaused
  | RemediationClockResumed
  | RemediationDeadlineExtended
  | RemediationRestarted
  | RemediationEnded
  | RemediationDelegated
  | AcknowledgementOverdue
  | RemediationReminderIssued
  | FindingMarkedOverdue
  | FindingEscalated
  | FindingReferredToDisciplinaryBoard
  | NotificationRequested;

/** Everything in a remediation stream (decided events plus the runtime's timer firings). */
export type RemediationStreamEvent = RemediationEvent | ProcessTimerFired;

export const REMEDIATION_EVENT_TYPES = [
  'RemediationStarted',
  'RemediationAcknowledged',
  'RemediationClockPaused',
  'RemediationClockResumed',
  'RemediationDeadlineExtended',
  'RemediationRestarted',
  'RemediationEnded',
  'RemediationDelegated',
  'AcknowledgementOverdue',
  'RemediationReminderIssued',
  'FindingMarkedOverdue',
  'FindingEscalated',
  'FindingReferredToDisciplinaryBoard',
  'NotificationRequested',
  'ProcessTimerFired',
] as const satisfies readonly RemediationStreamEvent['type'][];
