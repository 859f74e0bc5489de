import type { RecordedEvent } from '@rectify/event-store';
import { envelopeOf, field, type IntegrationEvent } from './integration-event';

/** rectify.findings.v1 — the life of a finding, for dashboards and the city's other systems. */
export const FINDINGS_V1 = { topic: 'rectify.findings.v1', contract: 'rectify.findings', version: 1 } as const;

export type FindingsV1Payload =
  | { kind: 'recorded'; findingId: string; inspectionId: string; unitId: string; category: string; severity: string; title: string; observedAt: string }
  | { kind: 'acknowledged' | 'disputed' | 'withdrawn' | 'remediation_accepted' | 'remediation_rejected' | 'reopened'; findingId: string }
  | { kind: 'dispute_resolved'; findingId: string; upheld: boolean }
  | { kind: 'plan_submitted'; findingId: string; targetDate: string; revision: number; actionCount: number }
  | { kind: 'evidence_submitted'; findingId: string; attachmentCount: number }
  | { kind: 'closed'; findingId: string; selfCertified: boolean };

export type FindingsV1Event = IntegrationEvent<FindingsV1Payload['kind'], FindingsV1Payload>;

const SIMPLE_KINDS = {
  FindingAcknowledged: 'acknowledged',
  FindingDisputed: 'disputed', // the dispute's reason stays internal
  FindingWithdrawn: 'withdrawn',
  RemediationAccepted: 'remediation_accepted', // the inspector's comment stays internal
  RemediationRejected: 'remediation_rejected',
  FindingReopened: 'reopened',
} as const;

/** Domain event types published on this topic. */
export const FINDINGS_V1_SOURCE_TYPES = [
  'FindingRecorded', 'FindingDisputeResolved', 'RemediationPlanSubmitted', 'RemediationEvidenceSubmitted', 'FindingClosed',
  ...Object.keys(SIMPLE_KINDS),
] as const;

/**
 * Not published: description, responsible officials (personnel data), evidence names and
 * links, dispute and verification texts, plan actions (only their count), actor ids.
 */
export function toFindingsV1(event: RecordedEvent): FindingsV1Event | null {
  const payload = findingsPayload(event);
  return payload ? envelopeOf(FINDINGS_V1.contract, FINDINGS_V1.version, payload.kind, event, payload) : null;
}

function findingsPayload(event: RecordedEvent): FindingsV1Payload | null {
  const findingId = field<string>(event, 'findingId', 'string');
  switch (event.type) {
    case 'FindingRecorded':
      return {
        kind: 'recorded',
        findingId,
        inspectionId: field(event, 'inspectionId', 'string'),
        unitId: field(event, 'unitId', 'string'),
        category: field(event, 'category', 'string'),
        severity: field(event, 'severity', 'string'),
        title: field(event, 'title', 'string'),
        observedAt: field(event, 'observedAt', 'string'),
      };
    case 'FindingDisputeResolved':
      return { kind: 'dispute_resolved', findingId, upheld: field(event, 'upheld', 'boolean') };
    case 'RemediationPlanSubmitted':
      return {
        kind: 'plan_submitted',
        findingId,
        targetDate: field(event, 'targetDate', 'string'),
        revision: field(event, 'revision', 'number'),
        actionCount: field<unknown[]>(event, 'actions', 'object').length,
      };
    case 'RemediationEvidenceSubmitted':
      return { kind: 'evidence_submitted', findingId, attachmentCount: field<unknown[]>(event, 'attachments', 'object').length };
    case 'FindingClosed':
      return { kind: 'closed', findingId, selfCertified: field(event, 'selfCertified', 'boolean') };
    default: {
      const kind = SIMPLE_KINDS[event.type as keyof typeof SIMPLE_KINDS];
      return kind ? { kind, findingId } : null;
    }
  }
}
