import { assertNever, assertRole, type Decider } from '../shared';
import type {
  AcknowledgeFinding,
  CloseFinding,
  DisputeFinding,
  FindingCommand,
  RecordFinding,
  ReopenFinding,
  ResolveDispute,
  SubmitRemediationEvidence,
  SubmitRemediationPlan,
  VerifyRemediation,
} from './finding.commands';
import { findingConflict, FindingErrorCode, findingNotFound, invalidFinding } from './finding.errors';
import type { FindingEvent } from './finding.events';
import { decideExtension, delegateFinding, evolveExtension, requestExtension } from './finding-extension';
import { evolveHandover, handOverResponsibility } from './finding-handover';
import { FINDING_COMMAND_ROLES } from './finding.roles';
import { initialFindingState, type ExistingFinding, type FindingState } from './finding.state';
import { FINDING_LIMITS } from './finding.values';
import { normaliseEvidence, requireText, validatePlan, validateRecordFinding } from './finding.validation';

/**
 * Lifecycle (every other transition is refused with a named error):
 *   absent → recorded → acknowledged | disputed
 *   disputed → acknowledged (dispute resolved, finding upheld) | withdrawn (not upheld)
 *   acknowledged → in_remediation (plan); in_remediation → in_remediation (revised plan)
 *   in_remediation → awaiting_verification (evidence)
 *   awaiting_verification → verified (accepted) | in_remediation (rejected)
 *   verified → closed; awaiting_verification → closed (minor, self-certified by unit head)
 *   closed → in_remediation (reopened)
 * Checks run in order: role, existence, status, then the command's data.
 */
function decide(command: FindingCommand, state: FindingState): FindingEvent[] {
  assertRole(
    command.metadata.actor,
    FINDING_COMMAND_ROLES[command.type],
    FindingErrorCode.ROLE_NOT_ALLOWED,
    `issue ${command.type}`,
  );
  switch (command.type) {
    case 'RecordFinding':
      return recordFinding(command, state);
    case 'AcknowledgeFinding':
      return acknowledgeFinding(command, state);
    case 'DisputeFinding':
      return disputeFinding(command, state);
    case 'ResolveDispute':
      return resolveDispute(command, state);
    case 'SubmitRemediationPlan':
      return submitRemediationPlan(command, state);
    case 'SubmitRemediationEvidence':
      return submitRemediationEvidence(command, state);
    case 'VerifyRemediation':
      return verifyRemediation(command, state);
    case 'CloseFinding':
      return closeFinding(command, state);
    case 'ReopenFinding':
      return reopenFinding(command, state);
    case 'RequestDeadlineExtension':
      return requestExtension(command, live(state, command.data.findingId));
    case 'DecideDeadlineExtension':
      return decideExtension(command, live(state, command.data.findingId));
    case 'DelegateFinding':
      return delegateFinding(command, live(state, command.data.findingId));
    case 'HandOverResponsibility':
      return handOverResponsibility(command, live(state, command.data.findingId));
    default:
      return assertNever(command);
  }
}

/** The finding must exist and be neither withdrawn nor closed (for every command but close/reopen). */
function live(state: FindingState, findingId: string): ExistingFinding {
  const finding = existing(state, findingId);
  if (finding.status === 'withdrawn') {
    throw findingConflict(FindingErrorCode.WITHDRAWN, `Finding ${finding.id} was withdrawn`, finding.id, finding.status);
  }
  if (finding.status === 'closed') {
    throw findingConflict(FindingErrorCode.ALREADY_CLOSED, `Finding ${finding.id} is closed`, finding.id, finding.status);
  }
  return finding;
}

function existing(state: FindingState, findingId: string): ExistingFinding {
  if (state.status === 'absent') throw findingNotFound(findingId);
  return state;
}

function recordFinding({ data, metadata }: RecordFinding, state: FindingState): FindingEvent[] {
  if (state.status !== 'absent') {
    throw findingConflict(FindingErrorCode.ALREADY_RECORDED, `Finding ${state.id} already exists`, state.id, state.status);
  }
  const observedAt = validateRecordFinding(data, metadata.now);
  const title = requireText(data.title, FINDING_LIMITS.titleMax, FindingErrorCode.INVALID_TITLE, 'title');
  const description = requireText(
    data.description,
    FINDING_LIMITS.descriptionMax,
    FindingErrorCode.INVALID_DESCRIPTION,
    'description',
  );
  const evidence = normaliseEvidence(data.evidence, 'evidence', 0);
  return [
    {
      type: 'FindingRecorded',
      data: {
        findingId: data.findingId,
        inspectionId: data.inspectionId,
        unitId: data.unitId,
        category: data.category,
        severity: data.severity,
        title,
        description,
        responsibleOfficialIds: [...data.responsibleOfficialIds],
        evidence,
        observedAt,
      },
    },
  ];
}

function acknowledgeFinding({ data }: AcknowledgeFinding, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status !== 'recorded') {
    throw findingConflict(
      FindingErrorCode.NOT_AWAITING_ACKNOWLEDGEMENT,
      `Finding ${finding.id} is ${finding.status}, not awaiting acknowledgement`,
      finding.id,
      finding.status,
    );
  }
  return [{ type: 'FindingAcknowledged', data: { findingId: finding.id } }];
}

function disputeFinding({ data }: DisputeFinding, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status === 'disputed') {
    throw findingConflict(FindingErrorCode.ALREADY_DISPUTED, `Finding ${finding.id} is already disputed`, finding.id, finding.status);
  }
  if (finding.status !== 'recorded') {
    throw findingConflict(
      FindingErrorCode.NOT_AWAITING_ACKNOWLEDGEMENT,
      `Finding ${finding.id} is ${finding.status}; only a newly recorded finding can be disputed`,
      finding.id,
      finding.status,
    );
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  return [{ type: 'FindingDisputed', data: { findingId: finding.id, reason } }];
}

function resolveDispute({ data }: ResolveDispute, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status !== 'disputed') {
    throw findingConflict(FindingErrorCode.NOT_DISPUTED, `Finding ${finding.id} is not disputed`, finding.id, finding.status);
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  const resolved: FindingEvent = {
    type: 'FindingDisputeResolved',
    data: { findingId: finding.id, upheld: data.upheld, reason },
  };
  return data.upheld ? [resolved] : [resolved, { type: 'FindingWithdrawn', data: { findingId: finding.id, reason } }];
}

/** First plan from acknowledged; a revision (revision + 1) while in_remediation. */
function submitRemediationPlan({ data, metadata }: SubmitRemediationPlan, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status === 'recorded' || finding.status === 'disputed') {
    throw findingConflict(FindingErrorCode.NOT_ACKNOWLEDGED, `Finding ${finding.id} is not acknowledged`, finding.id, finding.status);
  }
  if (finding.status !== 'acknowledged' && finding.status !== 'in_remediation') {
    throw findingConflict(
      FindingErrorCode.NOT_IN_REMEDIATION,
      `Finding ${finding.id} is ${finding.status}; a plan can no longer be revised`,
      finding.id,
      finding.status,
    );
  }
  const plan = validatePlan(data.actions, data.targetDate, metadata.now);
  return [
    {
      type: 'RemediationPlanSubmitted',
      data: { findingId: finding.id, ...plan, revision: (finding.plan?.revision ?? 0) + 1 },
    },
  ];
}

function submitRemediationEvidence({ data }: SubmitRemediationEvidence, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status !== 'in_remediation') {
    throw findingConflict(
      FindingErrorCode.NOT_IN_REMEDIATION,
      `Finding ${finding.id} is ${finding.status}, not in remediation`,
      finding.id,
      finding.status,
    );
  }
  const description = requireText(
    data.description,
    FINDING_LIMITS.descriptionMax,
    FindingErrorCode.INVALID_EVIDENCE,
    'evidence description',
  );
  const attachments = normaliseEvidence(data.attachments, 'attachments', 1);
  return [{ type: 'RemediationEvidenceSubmitted', data: { findingId: finding.id, description, attachments } }];
}

/** A rejection must say why; an acceptance may carry an empty comment. */
function verifyRemediation({ data }: VerifyRemediation, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status !== 'awaiting_verification') {
    throw findingConflict(
      FindingErrorCode.NOT_AWAITING_VERIFICATION,
      `Finding ${finding.id} is ${finding.status}, not awaiting verification`,
      finding.id,
      finding.status,
    );
  }
  const comment = typeof data.comment === 'string' ? data.comment.trim() : '';
  if (typeof data.comment !== 'string' || comment.length > FINDING_LIMITS.commentMax || (!data.accepted && comment === '')) {
    throw invalidFinding(
      FindingErrorCode.INVALID_COMMENT,
      `comment must be at most ${FINDING_LIMITS.commentMax} characters, and non-empty when rejecting`,
    );
  }
  return [
    data.accepted
      ? { type: 'RemediationAccepted', data: { findingId: finding.id, comment } }
      : { type: 'RemediationRejected', data: { findingId: finding.id, comment } },
  ];
}

/**
 * Verified → closed by the unit head or team lead. A unit head may also close a minor finding
 * awaiting verification when policy allows self-certification (recorded as selfCertified).
 */
function closeFinding({ data, metadata }: CloseFinding, state: FindingState): FindingEvent[] {
  const finding = live(state, data.findingId);
  if (finding.status === 'verified') {
    return [{ type: 'FindingClosed', data: { findingId: finding.id, selfCertified: false } }];
  }
  if (finding.status === 'awaiting_verification' && metadata.actor.role === 'unit_head') {
    if (finding.severity === 'minor' && data.selfCertificationAllowed) {
      return [{ type: 'FindingClosed', data: { findingId: finding.id, selfCertified: true } }];
    }
    throw findingConflict(
      FindingErrorCode.SELF_CERTIFICATION_NOT_ALLOWED,
      `Finding ${finding.id} must be verified before closing: self-certification covers minor findings when policy allows it`,
      finding.id,
      finding.status,
      { severity: finding.severity, selfCertificationAllowed: data.selfCertificationAllowed },
    );
  }
  throw findingConflict(FindingErrorCode.NOT_VERIFIED, `Finding ${finding.id} is ${finding.status}, not verified`, finding.id, finding.status);
}

function reopenFinding({ data }: ReopenFinding, state: FindingState): FindingEvent[] {
  const finding = existing(state, data.findingId);
  if (finding.status === 'withdrawn') {
    throw findingConflict(FindingErrorCode.WITHDRAWN, `Finding ${finding.id} was withdrawn`, finding.id, finding.status);
  }
  if (finding.status !== 'closed') {
    throw findingConflict(FindingErrorCode.NOT_CLOSED, `Finding ${finding.id} is ${finding.status}, not closed`, finding.id, finding.status);
  }
  const reason = requireText(data.reason, FINDING_LIMITS.reasonMax, FindingErrorCode.INVALID_REASON, 'reason');
  return [{ type: 'FindingReopened', data: { findingId: finding.id, reason } }];
}

function evolve(state: FindingState, event: FindingEvent): FindingState {
  if (event.type === 'FindingRecorded') {
    const { findingId, ...facts } = event.data;
    return {
      status: 'recorded',
      id: findingId,
      ...facts,
      dispute: null,
      plan: null,
      remediationEvidence: [],
      lastVerification: null,
      withdrawalReason: null,
      selfCertified: false,
      reopenCount: 0,
      lastReopenReason: null,
    };
  }
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'FindingAcknowledged':
      return { ...state, status: 'acknowledged' };
    case 'FindingDisputed':
      return { ...state, status: 'disputed', dispute: { reason: event.data.reason, resolution: null } };
    case 'FindingDisputeResolved': {
      const dispute = {
        reason: state.dispute?.reason ?? '',
        resolution: { upheld: event.data.upheld, reason: event.data.reason },
      };
      // Not upheld: status stays disputed until FindingWithdrawn, appended with it.
      return event.data.upheld ? { ...state, status: 'acknowledged', dispute } : { ...state, dispute };
    }
    case 'FindingWithdrawn':
      return { ...state, status: 'withdrawn', withdrawalReason: event.data.reason };
    case 'RemediationPlanSubmitted':
      return {
        ...state,
        status: 'in_remediation',
        plan: { actions: event.data.actions, targetDate: event.data.targetDate, revision: event.data.revision },
      };
    case 'RemediationEvidenceSubmitted':
      return {
        ...state,
        status: 'awaiting_verification',
        remediationEvidence: [
          ...state.remediationEvidence,
          { description: event.data.description, attachments: event.data.attachments },
        ],
      };
    case 'RemediationAccepted':
      return { ...state, status: 'verified', lastVerification: { accepted: true, comment: event.data.comment } };
    case 'RemediationRejected':
      return { ...state, status: 'in_remediation', lastVerification: { accepted: false, comment: event.data.comment } };
    case 'FindingClosed':
      return { ...state, status: 'closed', selfCertified: event.data.selfCertified };
    case 'FindingExtensionRequested':
    case 'FindingExtensionDecided':
    case 'FindingDelegated':
      return evolveExtension(state, event);
    case 'FindingResponsibilityHandedOver':
      return evolveHandover(state, event);
    case 'FindingReopened':
      return {
        ...state,
        status: 'in_remediation',
        selfCertified: false,
        reopenCount: state.reopenCount + 1,
        lastReopenReason: event.data.reason,
      };
    default:
      return assertNever(event);
  }
}

export const findingDecider: Decider<FindingCommand, FindingEvent, FindingState> = {
  decide,
  evolve,
  initialState: initialFindingState,
};
