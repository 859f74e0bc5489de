/** Shapes of the engine's JSON (see /docs-json). Optional fields come from issues still landing. */
export type Role = 'admin' | 'inspector' | 'team_lead' | 'unit_head' | 'supervisor' | 'board_member' | 'board_secretary' | 'auditor';

export const INSPECTION_KINDS = ['scheduled', 'surprise', 'directed', 'verification', 'internal'] as const;
export const FINDING_CATEGORIES = [
  'administrative_discipline', 'working_hours', 'attitude', 'code_of_conduct', 'procedure_posting',
  'outdated_documents', 'one_stop_software', 'equipment', 'internal_process', 'other',
] as const;
export const FINDING_SEVERITIES = ['critical', 'major', 'minor'] as const;
export const FINDING_STATUSES = [
  'recorded', 'acknowledged', 'disputed', 'withdrawn', 'in_remediation', 'awaiting_verification', 'verified', 'closed',
] as const;

export interface Unit {
  id: string;
  name: string;
  code: string | null;
  kind: string;
  headOfficialId: string | null;
}

export interface Official {
  id: string;
  fullName: string;
  unitId: string;
  position: string;
}

export interface Inspection {
  id: string;
  kind: string;
  unitId: string;
  teamId: string;
  startedAt: string;
  memberIds: string[];
  status: string;
  notice: string | null;
  version: number;
  findings?: { id: string; title: string; status: string; severity: string }[];
}

export interface EvidenceItem {
  name: string;
  sha256: string;
  url?: string;
  size?: number;
  mediaType?: string;
}

export interface Finding {
  id: string;
  inspectionId: string;
  unitId: string;
  category: string;
  severity: string;
  title: string;
  description: string;
  responsibleOfficialIds: string[];
  evidence: EvidenceItem[];
  status: string;
  version: number;
  observedAt: string;
  recordedAt: string;
  updatedAt: string;
  dispute: { reason: string; resolution: { upheld: boolean; reason: string } | null } | null;
  plan: { actions: string[]; targetDate: string; revision: number } | null;
  remediationEvidence: { description: string; attachments: EvidenceItem[] }[];
  lastVerification: { accepted: boolean; comment: string } | null;
  // Workflow issue (may be absent):
  dueAt?: string | null;
  acknowledgeBy?: string | null;
  overdue?: boolean;
  escalationLevel?: number;
  workingDaysLeft?: number | null;
}

export interface StoredEvent {
  id: string;
  type: string;
  streamId: string;
  version: number;
  occurredAt: string;
  recordedAt: string;
  data: Record<string, unknown>;
  metadata: { actorId?: string; role?: string; reason?: string | null; unitId?: string | null };
  hash: string;
}
