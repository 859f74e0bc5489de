/** A disciplinary case as GET /cases/:id answers it (docs/discipline.md). */
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

export interface CaseDecision {
  kind: DecisionKind;
  reasons: string;
  effectiveDate: string;
  successorOfficialId: string | null;
  transferTo: { unitId: string; position: string } | null;
  decidedOn: string;
  appealDeadline: string;
  executesOn: string;
  votesFor: number;
  votesCast: number;
}

export interface DisciplinaryCase {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  status: (typeof CASE_STATUSES)[number];
  subject: { officialId: string; kind: 'official' | 'unit_head'; unitId: string; unitHeadOfficialId: string | null };
  origin: { kind: 'referral'; rule: string; proposal: 'removal' | null } | { kind: 'manual' };
  grounds: { id: string; kind: string; sourceId: string; note: string; withdrawn: boolean; withdrawalReason: string | null }[];
  summary: string;
  explanationDueDate: string;
  round: number;
  explanations: { round: number; text: string }[];
  hearing: { scheduledAt: string; location: string; heldAt: string | null; attendeeIds: string[]; minutes: string | null } | null;
  votes: { memberId: string; decisionKind: DecisionKind }[];
  decision: CaseDecision | null;
  appealedDecisions: { decision: CaseDecision; reason: string }[];
  executionSteps: { id: string; kind: string }[] | null;
  executionNotes: string[];
}

/** GET /cases/:id/events */
export interface CaseEvent {
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: { actorId?: string; role?: string; reason?: string | null; unitId?: string | null };
  occurredAt: string;
  recordedAt: string;
}
