import type { ExecutionStep, RecordedDecision } from './case.values';

/** What the executor reads from the registry and findings on the execution day. */
export interface ExecutionFacts {
  subject: { officialId: string; unitId: string; position: string; active: boolean };
  /** The unit the subject currently heads, if any. */
  subjectHeadsUnitId: string | null;
  /** Current head of the subject's unit (may be the subject). */
  unitHeadOfficialId: string | null;
  successor: { officialId: string; unitId: string; active: boolean } | null;
  /** Open findings (not closed, not withdrawn) naming the subject as responsible. */
  openFindingIds: readonly string[];
}

export interface ExecutionPlan {
  steps: ExecutionStep[];
  /** Open findings no one could take over (no successor, no other head): reported, never dropped silently. */
  unassignedFindingIds: string[];
}

/** Decisions that take the subject out of their post (the head post included). */
const LEAVES_POST = new Set(['transfer', 'replacement', 'forced_termination', 'dismissal_from_post']);

/**
 * Rules, in step order:
 * - a head who leaves the post (replacement, transfer, dismissal, termination, demotion) is
 *   succeeded by the named successor (moved into the unit first, in the subject's position,
 *   when from elsewhere), or the head post is vacated;
 * - transfer moves the subject; forced termination deactivates them;
 * - when the subject leaves their post, each open finding naming them passes to the
 *   successor, else to the unit's (new) head when that is someone else; deadlines unchanged.
 * Record-only decisions (no_action, reprimand, warning, salary step-down) change nothing here.
 */
export function planDecisionExecution(decision: RecordedDecision, facts: ExecutionFacts): ExecutionPlan {
  const steps: ExecutionStep[] = [];
  const subjectId = facts.subject.officialId;
  const leavesHeadPost = facts.subjectHeadsUnitId !== null && (LEAVES_POST.has(decision.kind) || decision.kind === 'demotion');
  const successor = facts.successor && facts.successor.active ? facts.successor : null;
  let newHead = facts.unitHeadOfficialId;

  if (leavesHeadPost) {
    const unitId = facts.subjectHeadsUnitId as string;
    if (successor) {
      if (successor.unitId !== unitId) {
        steps.push({ id: `transfer_official:${successor.officialId}`, kind: 'transfer_official', officialId: successor.officialId, toUnitId: unitId, position: facts.subject.position });
      }
      steps.push({ id: `appoint_unit_head:${unitId}:${successor.officialId}`, kind: 'appoint_unit_head', unitId, officialId: successor.officialId });
      newHead = successor.officialId;
    } else {
      steps.push({ id: `vacate_unit_head:${unitId}:${subjectId}`, kind: 'vacate_unit_head', unitId, officialId: subjectId });
      newHead = null;
    }
  }
  if (decision.kind === 'transfer' && decision.transferTo && facts.subject.active) {
    steps.push({ id: `transfer_official:${subjectId}`, kind: 'transfer_official', officialId: subjectId, toUnitId: decision.transferTo.unitId, position: decision.transferTo.position });
  }
  if (decision.kind === 'forced_termination' && facts.subject.active) {
    steps.push({ id: `deactivate_official:${subjectId}`, kind: 'deactivate_official', officialId: subjectId });
  }

  const leaves = LEAVES_POST.has(decision.kind) || leavesHeadPost;
  const receiver = successor?.officialId ?? (newHead !== subjectId ? newHead : null);
  const unassignedFindingIds: string[] = [];
  if (leaves) {
    for (const findingId of [...new Set(facts.openFindingIds)].sort()) {
      if (receiver) {
        steps.push({ id: `hand_over_finding:${findingId}`, kind: 'hand_over_finding', findingId, fromOfficialId: subjectId, toOfficialId: receiver });
      } else {
        unassignedFindingIds.push(findingId);
      }
    }
  }
  return { steps, unassignedFindingIds };
}
