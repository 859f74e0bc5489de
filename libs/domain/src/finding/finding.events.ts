import type { DomainEvent } from '../shared';
import type { ExtensionEvent } from './finding-extension.types';
import type { FindingResponsibilityHandedOver } from './finding-handover';
import type { EvidenceItem, FindingCategory, FindingSeverity } from './finding.values';

export type FindingRecorded = DomainEvent<
  'FindingRecorded',
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
    /** Normalised ISO 8601 UTC instant. */
    observedAt: string;
  }
>;

export type FindingAcknowledged = DomainEvent<'FindingAcknowledged', { findingId: string }>;

export type FindingDisputed = DomainEvent<'FindingDisputed', { findingId: string; reason: string }>;

/** upheld = the finding stands. When not upheld, FindingWithdrawn follows in the same append. */
export type FindingDisputeResolved = DomainEvent<
  'FindingDisputeResolved',
  { findingId: string; upheld: boolean; reason: string }
>;

export type FindingWithdrawn = DomainEvent<'FindingWithdrawn', { findingId: string; reason: string }>;

export type RemediationPlanSubmitted = DomainEvent<
  'RemediationPlanSubmitted',
  { findingId: string; actions: string[]; targetDate: string; revision: number }
>;

export type RemediationEvidenceSubmitted = DomainEvent<
  'RemediationEvidenceSubmitted',
  { findingId: string; description: string; attachments: EvidenceItem[] }
>;

export type RemediationAccepted = DomainEvent<'RemediationAccepted', { findingId: string; comment: string }>;

export type RemediationRejected = DomainEvent<'RemediationRejected', { findingId: string; comment: string }>;

export type FindingClosed = DomainEvent<'FindingClosed', { findingId: string; selfCertified: boolean }>;

export type FindingReopened = DomainEvent<'FindingReopened', { findingId: string; reason: string }>;

export type FindingEvent =
  | FindingRecorded
  | FindingAcknowledged
  | FindingDisputed
  | FindingDisputeResolved
  | FindingWithdrawn
  | RemediationPlanSubmitted
  | RemediationEvidenceSubmitted
  | RemediationAccepted
  | RemediationRejected
  | FindingClosed
  | FindingReopened
  | ExtensionEvent
  | FindingResponsibilityHandedOver;

export const FINDING_EVENT_TYPES = [
  'FindingRecorded',
  'FindingAcknowledged',
  'FindingDisputed',
  'FindingDisputeResolved',
  'FindingWithdrawn',
  'RemediationPlanSubmitted',
  'RemediationEvidenceSubmitted',
  'RemediationAccepted',
  'RemediationRejected',
  'FindingClosed',
  'FindingReopened',
  'FindingExtensionRequested',
  'FindingExtensionDecided',
  'FindingDelegated',
  'FindingResponsibilityHandedOver',
] as const satisfies readonly FindingEvent['type'][];
