/**
 * Discipline thresholds and windows: configuration, never constants in the rules.
 * The engine builds it from the environment (DISCIPLINE_* variables, see docs/discipline.md).
 */
export interface DisciplinePolicy {
  /** Escalation level that refers a finding to the disciplinary board (default 3). */
  referralEscalationLevel: number;
  /** Whether a level-3 escalation also refers the unit head (head-of-unit accountability). */
  referUnitHeadOnEscalation: boolean;
  /** The same official responsible in this many findings… (default 3) */
  repeatFindingsThreshold: number;
  /** …within this many months (default 12). */
  repeatFindingsWindowMonths: number;
  /** A unit with this many findings overdue at once refers its head (default 5). */
  unitOverdueThreshold: number;
  /** Consecutive annual not_completed ratings that refer an official for removal (default 2). */
  consecutiveNotCompletedYears: number;
  /** Working days the subject has for a written explanation after being notified (default 5). */
  explanationWorkingDays: number;
  /** Working days after a decision during which the subject may appeal (default 10). */
  appealWindowWorkingDays: number;
  /** Votes needed before a decision can be recorded (default 3). */
  quorum: number;
  /** A decision needs strictly more than this share of the votes cast (default 0.5: simple majority). */
  majorityShare: number;
}

export const DEFAULT_DISCIPLINE_POLICY: DisciplinePolicy = Object.freeze({
  referralEscalationLevel: 3,
  referUnitHeadOnEscalation: true,
  repeatFindingsThreshold: 3,
  repeatFindingsWindowMonths: 12,
  unitOverdueThreshold: 5,
  consecutiveNotCompletedYears: 2,
  explanationWorkingDays: 5,
  appealWindowWorkingDays: 10,
  quorum: 3,
  majorityShare: 0.5,
});
