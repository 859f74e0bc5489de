import { hasTextLength, type Command, type DomainEvent } from '../shared';
import { findingConflict, FindingErrorCode, invalidFinding } from './finding.errors';
import { FINDING_LIMITS, type FindingStatus } from './finding.values';

/** What a handover reads of a finding (structural, so this file needs no import of the state). */
interface HandoverFinding {
  id: string;
  status: FindingStatus;
  responsibleOfficialIds: string[];
}

/**
 * Responsibility handover: when a responsible official leaves their post (a board decision
 * carried out: transfer, replacement, termination), each open finding naming them passes to
 * the successor or the unit's new head, with a recorded reason, so no remediation is
 * orphaned. Deadlines are unchanged. `caseId` names the decision's case when there is one.
 */
export type HandOverResponsibility = Command<
  'HandOverResponsibility',
  { findingId: string; fromOfficialId: string; toOfficialId: string; reason: string; caseId: string | null }
>;

export type FindingResponsibilityHandedOver = DomainEvent<
  'FindingResponsibilityHandedOver',
  { findingId: string; fromOfficialId: string; toOfficialId: string; reason: string; caseId: string | null }
>;

export function handOverResponsibility({ data }: HandOverResponsibility, finding: HandoverFinding): FindingResponsibilityHandedOver[] {
  if (!finding.responsibleOfficialIds.includes(data.fromOfficialId)) {
    throw findingConflict(
      FindingErrorCode.NOT_RESPONSIBLE,
      `Official ${data.fromOfficialId} is not responsible for finding ${finding.id}`,
      finding.id,
      finding.status,
      { officialId: data.fromOfficialId },
    );
  }
  if (data.toOfficialId === data.fromOfficialId || !data.toOfficialId) {
    throw findingConflict(FindingErrorCode.NOT_RESPONSIBLE, 'The receiving official must be someone else', finding.id, finding.status);
  }
  if (!hasTextLength(data.reason, 1, FINDING_LIMITS.reasonMax)) {
    throw invalidFinding(FindingErrorCode.INVALID_REASON, `reason must be 1..${FINDING_LIMITS.reasonMax} characters`, { field: 'reason' });
  }
  const reason = data.reason.trim();
  return [
    {
      type: 'FindingResponsibilityHandedOver',
      data: { findingId: finding.id, fromOfficialId: data.fromOfficialId, toOfficialId: data.toOfficialId, reason, caseId: data.caseId ?? null },
    },
  ];
}

/** The receiver takes the departing official's place (once, even when already listed). */
export function evolveHandover<S extends { status: string }>(state: S, event: FindingResponsibilityHandedOver): S {
  if (!('responsibleOfficialIds' in state) || !Array.isArray(state.responsibleOfficialIds)) return state;
  const ids = (state.responsibleOfficialIds as string[]).map((id) => (id === event.data.fromOfficialId ? event.data.toOfficialId : id));
  return { ...state, responsibleOfficialIds: [...new Set(ids)] };
}
