import type { ExtensionRequest } from './finding-extension.types';
import type {
  DisputeRecord,
  EvidenceItem,
  FindingCategory,
  FindingSeverity,
  FindingStatus,
  RemediationEvidenceSubmission,
  RemediationPlan,
  VerificationOutcome,
} from './finding.values';

export interface AbsentFinding {
  status: 'absent';
}

/** Everything known about a recorded finding; times of changes live in the event envelopes. */
export interface FindingFacts {
  id: string;
  inspectionId: string;
  unitId: string;
  category: FindingCategory;
  severity: FindingSeverity;
  title: string;
  description: string;
  responsibleOfficialIds: string[];
  /** Evidence recorded with the finding. */
  evidence: EvidenceItem[];
  observedAt: string;
  dispute: DisputeRecord | null;
  /** The current plan (latest revision); null until one is submitted. */
  plan: RemediationPlan | null;
  /** Every evidence submission by the unit, oldest first. */
  remediationEvidence: RemediationEvidenceSubmission[];
  lastVerification: VerificationOutcome | null;
  withdrawalReason: string | null;
  /** True when the latest closure was a unit head's self-certification; reset on reopening. */
  selfCertified: boolean;
  reopenCount: number;
  lastReopenReason: string | null;
  /** Deadline extension requests, oldest first (absent until the first). */
  extensionRequests?: ExtensionRequest[];
  /** The inspection team the finding was delegated to (absent: the inspection's own team). */
  delegatedToTeamId?: string | null;
}

export type FindingIn<S extends FindingStatus> = FindingFacts & { status: S };

/** Discriminated union on `status` over every lifecycle status. */
export type ExistingFinding = { [S in FindingStatus]: FindingIn<S> }[FindingStatus];

export type FindingState = AbsentFinding | ExistingFinding;

export const initialFindingState = (): FindingState => ({ status: 'absent' });
