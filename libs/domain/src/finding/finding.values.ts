/** Tuples are `as const` so HTTP DTOs can validate with @IsIn(FINDING_CATEGORIES) etc. */
export const FINDING_CATEGORIES = [
  'administrative_discipline',
  'working_hours',
  'attitude',
  'code_of_conduct',
  'procedure_posting',
  'outdated_documents',
  'one_stop_software',
  'equipment',
  'internal_process',
  'other',
] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_SEVERITIES = ['critical', 'major', 'minor'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** Lifecycle of a recorded finding (a stream that does not exist yet is `absent`). */
export const FINDING_STATUSES = [
  'recorded',
  'acknowledged',
  'disputed',
  'withdrawn',
  'in_remediation',
  'awaiting_verification',
  'verified',
  'closed',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** A file proving a fact: `sha256` is 64 hex characters (stored lower-case). */
export interface EvidenceItem {
  name: string;
  sha256: string;
  url?: string;
  /** Bytes, when known (an uploaded file: POST /api/v1/evidence). */
  size?: number;
  /** e.g. image/jpeg, application/pdf, when known. */
  mediaType?: string;
}

export interface RemediationPlan {
  actions: string[];
  /** Calendar date YYYY-MM-DD (Vietnam civil date). */
  targetDate: string;
  /** 1 for the first plan, +1 for each revision. */
  revision: number;
}

export interface RemediationEvidenceSubmission {
  description: string;
  attachments: EvidenceItem[];
}

export interface DisputeRecord {
  reason: string;
  /** null while the team lead has not decided. */
  resolution: { upheld: boolean; reason: string } | null;
}

export interface VerificationOutcome {
  accepted: boolean;
  comment: string;
}

/** Text limits (characters, after trimming). */
export const FINDING_LIMITS = {
  titleMax: 200,
  descriptionMax: 5000,
  reasonMax: 5000,
  commentMax: 5000,
  planActionsMax: 50,
  planActionMax: 1000,
  evidenceNameMax: 255,
  urlMax: 2048,
} as const;
