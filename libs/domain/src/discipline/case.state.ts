import type { CaseGround, CaseOrigin, CaseStatus, CaseSubject, ExecutionStep, RecordedDecision, Vote } from './case.values';

export interface AbsentCase {
  status: 'absent';
}

export interface CaseFacts {
  id: string;
  subject: CaseSubject;
  origin: CaseOrigin;
  grounds: CaseGround[];
  summary: string;
  explanationDueDate: string;
  /** 0 before any appeal; +1 for each appeal (each round has its own explanation, hearing and votes). */
  round: number;
  explanations: { round: number; text: string }[];
  hearing: { scheduledAt: string; location: string; heldAt: string | null; attendeeIds: string[]; minutes: string | null } | null;
  votes: Vote[];
  decision: RecordedDecision | null;
  /** Decisions set aside by appeal, oldest first. */
  appealedDecisions: { decision: RecordedDecision; reason: string }[];
  executionSteps: ExecutionStep[] | null;
  executionNotes: string[];
}

export type CaseIn<S extends CaseStatus> = CaseFacts & { status: S };
export type ExistingCase = { [S in CaseStatus]: CaseIn<S> }[CaseStatus];
export type CaseState = AbsentCase | ExistingCase;

export const initialCaseState = (): CaseState => ({ status: 'absent' });

export const caseStream = (caseId: string): string => `case-${caseId}`;
