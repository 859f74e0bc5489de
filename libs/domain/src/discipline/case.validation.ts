import { hasTextLength, isDistinctIdList, isIsoDate, parseIsoInstant } from '../shared';
import { CaseErrorCode, invalidCase } from './case.errors';
import type { CaseFacts } from './case.state';
import { CASE_LIMITS, DECISION_KINDS, type Decision } from './case.values';

export function requireText(value: unknown, field: string, max: number = CASE_LIMITS.textMax): string {
  if (!hasTextLength(value, 1, max)) throw invalidCase(CaseErrorCode.INVALID_TEXT, `${field} must be 1..${max} characters`, { field });
  return value.trim();
}

export function requireDateNotBefore(value: unknown, today: string, field: string): string {
  if (!isIsoDate(value)) throw invalidCase(CaseErrorCode.INVALID_DATE, `${field} must be a date YYYY-MM-DD`, { field });
  if (value < today) throw invalidCase(CaseErrorCode.INVALID_DATE, `${field} ${value} is before today (${today})`, { field });
  return value;
}

export function requireInstant(value: unknown, field: string): string {
  const instant = parseIsoInstant(value);
  if (!instant) throw invalidCase(CaseErrorCode.INVALID_HEARING, `${field} must be an ISO 8601 instant with offset`, { field });
  return instant.toISOString();
}

export function requireIdList(value: unknown, field: string): string[] {
  if (!isDistinctIdList(value) || value.length === 0) {
    throw invalidCase(CaseErrorCode.INVALID_HEARING, `${field} must list at least one distinct id`, { field });
  }
  return [...value];
}

/**
 * Decision rules: replacement only for a unit head and names a successor; transfer names the
 * unit and position; a successor is never the subject; reasons are required.
 */
export function validateDecision(decision: Decision, facts: CaseFacts, today: string): Decision {
  const bad = (message: string, field: string) => invalidCase(CaseErrorCode.INVALID_DECISION, message, { field });
  if (!DECISION_KINDS.includes(decision.kind)) throw bad(`kind must be one of ${DECISION_KINDS.join(', ')}`, 'kind');
  const reasons = requireText(decision.reasons, 'reasons');
  const effectiveDate = requireDateNotBefore(decision.effectiveDate, today, 'effectiveDate');
  const successor = decision.successorOfficialId ?? null;
  if (successor !== null && successor === facts.subject.officialId) throw bad('The successor cannot be the subject', 'successorOfficialId');
  const subjectIsHead = facts.subject.kind === 'unit_head' || facts.subject.unitHeadOfficialId === facts.subject.officialId;
  if (decision.kind === 'replacement') {
    if (!subjectIsHead) throw bad('Replacement applies to the head of a unit', 'kind');
    if (!successor) throw bad('A replacement names the successor', 'successorOfficialId');
  }
  let transferTo: Decision['transferTo'] = null;
  if (decision.kind === 'transfer') {
    if (!decision.transferTo || !hasTextLength(decision.transferTo.unitId, 1, 200) || !hasTextLength(decision.transferTo.position, 1, 200)) {
      throw bad('A transfer names the unit and position', 'transferTo');
    }
    transferTo = { unitId: decision.transferTo.unitId, position: decision.transferTo.position.trim() };
  } else if (decision.transferTo) {
    throw bad('Only a transfer names a unit and position', 'transferTo');
  }
  return { kind: decision.kind, reasons, effectiveDate, successorOfficialId: successor, transferTo };
}

/** The next calendar day of a YYYY-MM-DD date. */
export function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
