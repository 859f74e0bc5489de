import type { IsoDate } from '../calendar/business-calendar';
import type { FindingCategory, FindingSeverity } from '../finding/finding.values';
import type { RemediationRules } from './deadline-policy';
import type { Addressee, EscalationLevel, PauseReason, RemediationSchedule } from './remediation.values';

export interface RemediationFacts {
  findingId: string;
  unitId: string;
  teamId: string | null;
  severity: FindingSeverity;
  category: FindingCategory;
  title: string;
  responsibleOfficialIds: string[];
  rules: RemediationRules;
  /** Increments on reopening; timer keys carry it so a new cycle's timers are new timers. */
  cycle: number;
  /** Acknowledgement deadline; null once acknowledged or disputed (the unit has answered). */
  acknowledgeBy: string | null;
  schedule: RemediationSchedule;
  pause: { reason: PauseReason; since: IsoDate } | null;
  overdue: boolean;
  escalationLevel: EscalationLevel;
  escalations: { level: 1 | 2 | 3; at: string; addressee: Addressee }[];
  /** Officials any escalation or referral was addressed to (for their inbox). */
  escalatedTo: string[];
  extensionsGranted: number;
  /** Timer keys already fired (never requested again). */
  firedKeys: string[];
}

/**
 * running: the remediation clock runs (reminders, overdue, escalation are timed);
 * paused: the ball is with the inspection team (dispute open, evidence awaiting verification);
 * ended: closed or withdrawn — no timers.
 */
export type RemediationState =
  | { status: 'absent' }
  | (RemediationFacts & { status: 'running' | 'paused' | 'ended' });

export type ExistingRemediation = Exclude<RemediationState, { status: 'absent' }>;

export const initialRemediationState = (): RemediationState => ({ status: 'absent' });
