import { ForbiddenError, NotFoundError } from '../shared';
import type {
  DecideDeadlineExtension,
  DelegateFinding,
  ExtensionEvent,
  ExtensionRequest,
  RequestDeadlineExtension,
} from './finding-extension.types';
import { findingConflict, FindingErrorCode, invalidFinding } from './finding.errors';
import type { ExistingFinding, FindingState } from './finding.state';
import { FINDING_LIMITS } from './finding.values';
import { requireText } from './finding.validation';

/**
 * Deadline extensions and delegation. Extensions are requested by the unit head and decided
 * by a team lead — never the requester; the cap and the largest extension are policy, passed
 * in by the handler. Delegation hands the finding to another inspection team; its history
 * (this stream) stays whole.
 */

const EXTENDABLE = ['acknowledged', 'in_remediation'];

export function requestExtension(command: RequestDeadlineExtension, finding: ExistingFinding): ExtensionEvent[] {
  const { data, metadata } = command;
  if (!EXTENDABLE.includes(finding.status)) {
    throw findingConflict(
      FindingErrorCode.EXTENSION_NOT_ALLOWED_NOW,
      `Finding ${finding.id} is ${finding.status}; extensions are requested while it is acknowledged or in remediation`,
      finding.id,
      finding.status,
    );
  }
  const requests = finding.extensionRequests ?? [];
  if (requests.some((r) => r.status === 'pending')) {
    throw findingConflict(FindingErrorCode.EXTENSION_PENDING, `Finding ${finding.id} already has a pending extension request`, finding.id, finding.status);
  }
  const granted = requests.filter((r) => r.status === 'granted').length;
  if (granted >= data.maxExtensions) {
    throw findingConflict(
      FindingErrorCode.EXTENSION_LIMIT_REACHED,
      `Finding ${finding.id} has had ${granted} extension(s); policy allows ${data.maxExtensions}`,
      finding.id,
      finding.status,
      { granted, maxExtensions: data.maxExtensions },
    );
  }
  if (!Number.isInteger(data.workingDays) || data.workingDays < 1 || data.workingDays > data.maxWorkingDays) {
    throw invalidFinding(FindingErrorCode.INVALID_EXTENSION_DAYS, `workingDays must be an integer 1-${data.maxWorkingDays}`, { field: 'workingDays' });
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  return [
    {
      type: 'FindingExtensionRequested',
      data: { findingId: finding.id, requestId: data.requestId, workingDays: data.workingDays, reason, requestedBy: metadata.actor.id },
    },
  ];
}

export function decideExtension(command: DecideDeadlineExtension, finding: ExistingFinding): ExtensionEvent[] {
  const { data, metadata } = command;
  const request = (finding.extensionRequests ?? []).find((r) => r.requestId === data.requestId);
  if (!request) {
    throw new NotFoundError(FindingErrorCode.EXTENSION_REQUEST_NOT_FOUND, `No extension request ${data.requestId} on finding ${finding.id}`, {
      findingId: finding.id,
      status: finding.status,
      requestId: data.requestId,
    });
  }
  if (request.requestedBy === metadata.actor.id) {
    throw new ForbiddenError(FindingErrorCode.REQUESTER_CANNOT_DECIDE, 'The requester of an extension can never decide it', { requestId: data.requestId });
  }
  if (request.status !== 'pending') {
    throw findingConflict(
      FindingErrorCode.EXTENSION_ALREADY_DECIDED,
      `Extension request ${data.requestId} was already ${request.status}`,
      finding.id,
      finding.status,
    );
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  return [
    {
      type: 'FindingExtensionDecided',
      data: { findingId: finding.id, requestId: data.requestId, granted: data.granted, workingDays: request.workingDays, reason, decidedBy: metadata.actor.id },
    },
  ];
}

export function delegateFinding(command: DelegateFinding, finding: ExistingFinding): ExtensionEvent[] {
  const { data } = command;
  const current = finding.delegatedToTeamId ?? data.fromTeamId;
  if (current === data.toTeamId) {
    throw findingConflict(FindingErrorCode.ALREADY_WITH_TEAM, `Finding ${finding.id} is already with team ${data.toTeamId}`, finding.id, finding.status);
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  return [{ type: 'FindingDelegated', data: { findingId: finding.id, fromTeamId: current, toTeamId: data.toTeamId, reason } }];
}

export function evolveExtension(state: FindingState, event: ExtensionEvent): FindingState {
  if (state.status === 'absent') return state;
  const requests = state.extensionRequests ?? [];
  switch (event.type) {
    case 'FindingExtensionRequested': {
      const { requestId, workingDays, reason, requestedBy } = event.data;
      const request: ExtensionRequest = { requestId, workingDays, reason, requestedBy, status: 'pending', decidedBy: null, decisionReason: null };
      return { ...state, extensionRequests: [...requests, request] };
    }
    case 'FindingExtensionDecided': {
      const { requestId, granted, decidedBy, reason } = event.data;
      return {
        ...state,
        extensionRequests: requests.map((r) =>
          r.requestId === requestId ? { ...r, status: granted ? 'granted' : 'denied', decidedBy, decisionReason: reason } : r,
        ),
      };
    }
    case 'FindingDelegated':
      return { ...state, delegatedToTeamId: event.data.toTeamId };
  }
}
