import type { Ground, ReferralRule, ReferralSubject } from './referral.values';

/** Disciplinary forms (Decree 112/2020/NĐ-CP) plus the personnel decisions of the seeds. */
export const DECISION_KINDS = [
  'no_action',
  'reprimand',
  'warning',
  'salary_step_down',
  'demotion',
  'dismissal_from_post',
  'forced_termination',
  'replacement',
  'transfer',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const CASE_STATUSES = ['open', 'hearing_scheduled', 'heard', 'decided', 'executing', 'executed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The subject, plus the head of the subject's unit when the case was opened (who may not vote). */
export interface CaseSubject extends ReferralSubject {
  unitHeadOfficialId: string | null;
}

export type CaseOrigin =
  | { kind: 'referral'; referralId: string; rule: ReferralRule; proposal: 'removal' | null }
  | { kind: 'manual' };

export interface Decision {
  kind: DecisionKind;
  reasons: string;
  /** YYYY-MM-DD: when the decision takes effect (never before the appeal window closes). */
  effectiveDate: string;
  /** replacement: the new head (required); transfer, dismissal, termination: who takes over the subject's duties. */
  successorOfficialId: string | null;
  /** transfer: the unit and position the subject moves to (required). */
  transferTo: { unitId: string; position: string } | null;
}

export interface CaseGround extends Ground {
  withdrawn: boolean;
  withdrawalReason: string | null;
}

export interface Vote {
  memberId: string;
  decisionKind: DecisionKind;
}

export interface RecordedDecision extends Decision {
  decidedOn: string;
  /** Last day (inclusive) on which the subject may appeal. */
  appealDeadline: string;
  /** The day the decision is carried out: the later of effectiveDate and the day after appealDeadline. */
  executesOn: string;
  votesFor: number;
  votesCast: number;
}

/** One thing the decision changes; ids are stable so each step runs once (idempotent by step id). */
export type ExecutionStep =
  | { id: string; kind: 'transfer_official'; officialId: string; toUnitId: string; position: string }
  | { id: string; kind: 'vacate_unit_head'; unitId: string; officialId: string }
  | { id: string; kind: 'appoint_unit_head'; unitId: string; officialId: string }
  | { id: string; kind: 'deactivate_official'; officialId: string }
  | { id: string; kind: 'hand_over_finding'; findingId: string; fromOfficialId: string; toOfficialId: string };

export const CASE_LIMITS = { textMax: 5000, locationMax: 500 } as const;
