import type { EvaluationRating } from '../evaluation';
import type { DisciplinePolicy } from './discipline.policy';
import { ground, sortGrounds, type Referral } from './referral.values';

/**
 * The four referral rules, as pure functions over facts the process manager gathers.
 * Each returns the referrals the facts call for now; `usedGroundIds` are grounds already
 * referred for the same subject under the same rule, which are never counted twice.
 */

export interface EscalationFact {
  escalationId: string;
  findingId: string;
  level: number;
  unitId: string;
  responsibleOfficialIds: readonly string[];
  unitHeadOfficialId: string | null;
}

/** Level-3 escalation → each responsible official, and the unit head when policy says so. */
export function referralsForEscalation(fact: EscalationFact, policy: DisciplinePolicy): Referral[] {
  if (fact.level < policy.referralEscalationLevel) return [];
  const grounds = sortGrounds([
    ground('escalation', fact.escalationId, `finding escalated to level ${fact.level}`),
    ground('finding', fact.findingId, 'escalated finding'),
  ]);
  const referrals: Referral[] = [...new Set(fact.responsibleOfficialIds)].map((officialId) => ({
    rule: 'level3_escalation',
    subject: { officialId, kind: 'official', unitId: fact.unitId },
    grounds,
    proposal: null,
    summary: `Finding ${fact.findingId} reached escalation level ${fact.level}`,
  }));
  if (policy.referUnitHeadOnEscalation && fact.unitHeadOfficialId) {
    referrals.push({
      rule: 'level3_escalation',
      subject: { officialId: fact.unitHeadOfficialId, kind: 'unit_head', unitId: fact.unitId },
      grounds,
      proposal: null,
      summary: `Head-of-unit accountability: finding ${fact.findingId} reached escalation level ${fact.level}`,
    });
  }
  return referrals;
}

export interface FindingFact {
  findingId: string;
  /** ISO 8601 instant the finding was observed. */
  observedAt: string;
  withdrawn: boolean;
}

/**
 * The same official responsible in ≥ threshold findings within the window: the earliest
 * run of `threshold` unreferred, non-withdrawn findings whose span is under the window.
 */
export function referralForRepeatFindings(
  officialId: string,
  unitId: string,
  findings: readonly FindingFact[],
  usedGroundIds: ReadonlySet<string>,
  policy: DisciplinePolicy,
): Referral | null {
  const n = policy.repeatFindingsThreshold;
  // Each instant parsed once (an official may have hundreds of findings; the sort compares each many times).
  const candidates = findings
    .filter((f) => !f.withdrawn && !usedGroundIds.has(ground('finding', f.findingId, '').id))
    .map((f) => ({ fact: f, at: Date.parse(f.observedAt) }))
    .sort((a, b) => a.at - b.at || (a.fact.findingId < b.fact.findingId ? -1 : 1));
  for (let i = 0; i + n <= candidates.length; i++) {
    if (candidates[i + n - 1].at < addMonths(candidates[i].fact.observedAt, policy.repeatFindingsWindowMonths)) {
      const run = candidates.slice(i, i + n).map((c) => c.fact);
      return {
        rule: 'repeat_findings',
        subject: { officialId, kind: 'official', unitId },
        grounds: sortGrounds(run.map((f) => ground('finding', f.findingId, `responsible; observed ${f.observedAt}`))),
        proposal: null,
        summary: `Responsible in ${n} findings within ${policy.repeatFindingsWindowMonths} months`,
      };
    }
  }
  return null;
}

/**
 * Whether a finding counts as overdue for the unit_overdue rule, from its remediation process
 * state: the clock runs and the deadline has passed (FindingMarkedOverdue / an escalation).
 * A granted extension or a resumed clock with the deadline ahead, a reopening, closing
 * (verified) or withdrawal ends it; a paused clock (dispute open, evidence awaiting
 * verification) does not count: the ball is with the inspection team.
 */
export function countsAsOverdue(remediation: { status: string; overdue?: boolean }): boolean {
  return remediation.status === 'running' && remediation.overdue === true;
}

/** A unit with ≥ threshold findings overdue at once (not yet referred) → its head. */
export function referralForUnitOverdue(
  unitId: string,
  unitHeadOfficialId: string | null,
  overdueFindingIds: readonly string[],
  usedGroundIds: ReadonlySet<string>,
  policy: DisciplinePolicy,
): Referral | null {
  if (!unitHeadOfficialId) return null;
  const fresh = [...new Set(overdueFindingIds)].filter((id) => !usedGroundIds.has(ground('finding', id, '').id));
  if (fresh.length < policy.unitOverdueThreshold) return null;
  return {
    rule: 'unit_overdue',
    subject: { officialId: unitHeadOfficialId, kind: 'unit_head', unitId },
    grounds: sortGrounds(fresh.map((id) => ground('finding', id, 'overdue'))),
    proposal: null,
    summary: `Head-of-unit accountability: ${fresh.length} findings of the unit overdue at once`,
  };
}

export interface AnnualRatingFact {
  year: number;
  rating: EvaluationRating;
}

/** `consecutiveNotCompletedYears` consecutive annual not_completed ratings → referral proposing removal. */
export function referralForConsecutiveNotCompleted(
  officialId: string,
  unitId: string,
  ratings: readonly AnnualRatingFact[],
  usedGroundIds: ReadonlySet<string>,
  policy: DisciplinePolicy,
): Referral | null {
  const k = policy.consecutiveNotCompletedYears;
  const failed = new Set(ratings.filter((r) => r.rating === 'not_completed').map((r) => r.year));
  const years = [...failed].sort((a, b) => b - a);
  for (const last of years) {
    const run = Array.from({ length: k }, (_, i) => last - i);
    const grounds = run.map((year) => ground('evaluation', `${officialId}:${year}`, `annual rating ${year}: not_completed`));
    if (run.every((year) => failed.has(year)) && grounds.every((g) => !usedGroundIds.has(g.id))) {
      return {
        rule: 'consecutive_not_completed',
        subject: { officialId, kind: 'official', unitId },
        grounds: sortGrounds(grounds),
        proposal: 'removal',
        summary: `Annual rating not_completed ${k} years in a row (${run[k - 1]}–${last}): removal from the workforce proposed`,
      };
    }
  }
  return null;
}

/** The instant `months` calendar months after `iso` (day clamped to the month's end). */
export function addMonths(iso: string, months: number): number {
  const date = new Date(Date.parse(iso));
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return target.getTime();
}
