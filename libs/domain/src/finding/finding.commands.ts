import type { Command } from '../shared';
import type { ExtensionCommand } from './finding-extension.types';
import type { HandOverResponsibility } from './finding-handover';
import type { EvidenceItem, FindingCategory, FindingSeverity } from './finding.values';

/** The handler first checks the inspection with assertInspectionOpenForFindings. */
export type RecordFinding = Command<
  'RecordFinding',
  {
    findingId: string;
    inspectionId: string;
    unitId: string;
    category: FindingCategory;
    severity: FindingSeverity;
    title: string;
    description: string;
    responsibleOfficialIds: string[];
    evidence: EvidenceItem[];
    /** ISO 8601 instant with offset; not after metadata.now. */
    observedAt: string;
  }
>;

export type AcknowledgeFinding = Command<'AcknowledgeFinding', { findingId: string }>;

export type DisputeFinding = Command<'DisputeFinding', { findingId: string; reason: string }>;

/** upheld = the finding stands (→ acknowledged); not upheld = the finding is withdrawn. */
export type ResolveDispute = Command<'ResolveDispute', { findingId: string; upheld: boolean; reason: string }>;

export type SubmitRemediationPlan = Command<
  'SubmitRemediationPlan',
  { findingId: string; actions: string[]; /** YYYY-MM-DD */ targetDate: string }
>;

export type SubmitRemediationEvidence = Command<
  'SubmitRemediationEvidence',
  { findingId: string; description: string; attachments: EvidenceItem[] }
>;

export type VerifyRemediation = Command<
  'VerifyRemediation',
  { findingId: string; accepted: boolean; comment: string }
>;

/** `selfCertificationAllowed` is policy (configuration) passed in by the handler. */
export type CloseFinding = Command<'CloseFinding', { findingId: string; selfCertificationAllowed: boolean }>;

export type ReopenFinding = Command<'ReopenFinding', { findingId: string; reason: string }>;

export type FindingCommand =
  | RecordFinding
  | AcknowledgeFinding
  | DisputeFinding
  | ResolveDispute
  | SubmitRemediationPlan
  | SubmitRemediationEvidence
  | VerifyRemediation
  | CloseFinding
  | ReopenFinding
  | ExtensionCommand
  | HandOverResponsibility;
