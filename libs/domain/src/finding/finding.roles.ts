import type { Role } from '../shared';

/**
 * Who may issue each finding command (→ FINDING.ROLE_NOT_ALLOWED otherwise). Unit scoping
 * (a unit head acts only for units they head) is enforced by the application layer.
 */
export const FINDING_COMMAND_ROLES = {
  RecordFinding: ['inspector', 'team_lead'],
  AcknowledgeFinding: ['unit_head', 'admin'],
  DisputeFinding: ['unit_head', 'admin'],
  ResolveDispute: ['team_lead'],
  SubmitRemediationPlan: ['unit_head', 'admin'],
  SubmitRemediationEvidence: ['unit_head', 'admin'],
  VerifyRemediation: ['inspector', 'team_lead'],
  CloseFinding: ['unit_head', 'team_lead'],
  ReopenFinding: ['team_lead', 'inspector', 'admin'],
  RequestDeadlineExtension: ['unit_head'],
  DecideDeadlineExtension: ['team_lead'],
  DelegateFinding: ['team_lead', 'admin'],
  HandOverResponsibility: ['system', 'admin'],
} as const satisfies Record<string, readonly Role[]>;
