import { hasTextLength, isDistinctIdList, isIsoDate, isSha256Hex, parseIsoInstant, vietnamCalendarDate } from '../shared';
import { FindingErrorCode, invalidFinding } from './finding.errors';
import { FINDING_CATEGORIES, FINDING_LIMITS, FINDING_SEVERITIES, type EvidenceItem } from './finding.values';
import type { RecordFinding } from './finding.commands';

/** Validates and normalises a list of evidence files (trimmed names, lower-case sha256). */
export function normaliseEvidence(items: unknown, field: string, minItems: number): EvidenceItem[] {
  if (!Array.isArray(items) || items.length < minItems) {
    throw invalidFinding(FindingErrorCode.INVALID_EVIDENCE, `${field} must list at least ${minItems} file(s)`, {
      field,
    });
  }
  return items.map((item: Partial<EvidenceItem> | null, index) => {
    const fail = (why: string) =>
      invalidFinding(FindingErrorCode.INVALID_EVIDENCE, `${field}[${index}]: ${why}`, { field, index });
    if (typeof item !== 'object' || item === null) throw fail('must be an object');
    if (!hasTextLength(item.name, 1, FINDING_LIMITS.evidenceNameMax)) throw fail('name must be 1..255 characters');
    if (!isSha256Hex(item.sha256)) throw fail('sha256 must be 64 hexadecimal characters');
    if (item.url !== undefined && item.url !== null && !hasTextLength(item.url, 1, FINDING_LIMITS.urlMax)) {
      throw fail('url must be 1..2048 characters when given');
    }
    if (item.size !== undefined && item.size !== null && !(Number.isSafeInteger(item.size) && item.size >= 0)) {
      throw fail('size must be a whole number of bytes when given');
    }
    if (item.mediaType !== undefined && item.mediaType !== null && !/^[a-z0-9.+-]+\/[a-z0-9.+-]{1,100}$/i.test(String(item.mediaType))) {
      throw fail('mediaType must be a media type such as image/jpeg when given');
    }
    const normalised: EvidenceItem = { name: item.name.trim(), sha256: item.sha256.toLowerCase() };
    if (typeof item.url === 'string') normalised.url = item.url.trim();
    if (typeof item.size === 'number') normalised.size = item.size;
    if (typeof item.mediaType === 'string') normalised.mediaType = item.mediaType.toLowerCase();
    return normalised;
  });
}

export function requireText(value: unknown, max: number, code: FindingErrorCode, what: string): string {
  if (!hasTextLength(value, 1, max)) throw invalidFinding(code, `${what} must be 1..${max} characters`);
  return value.trim();
}

/** Returns the normalised observedAt (ISO UTC). */
export function validateRecordFinding(data: RecordFinding['data'], now: Date): string {
  if (!FINDING_CATEGORIES.includes(data.category)) {
    throw invalidFinding(FindingErrorCode.INVALID_CATEGORY, `Unknown category ${String(data.category)}`);
  }
  if (!FINDING_SEVERITIES.includes(data.severity)) {
    throw invalidFinding(FindingErrorCode.INVALID_SEVERITY, `Unknown severity ${String(data.severity)}`);
  }
  const observedAt = parseIsoInstant(data.observedAt);
  if (!observedAt) {
    throw invalidFinding(FindingErrorCode.INVALID_OBSERVED_AT, 'observedAt must be an ISO 8601 instant with offset');
  }
  if (observedAt.getTime() > now.getTime()) {
    throw invalidFinding(FindingErrorCode.OBSERVED_IN_FUTURE, 'observedAt is after now', {
      observedAt: observedAt.toISOString(),
      now: now.toISOString(),
    });
  }
  if (!isDistinctIdList(data.responsibleOfficialIds)) {
    throw invalidFinding(
      FindingErrorCode.INVALID_RESPONSIBLE_OFFICIALS,
      'responsibleOfficialIds must be distinct, non-empty official ids',
    );
  }
  return observedAt.toISOString();
}

/** Plan: 1..50 non-empty actions; target date a real YYYY-MM-DD not before today in Vietnam. */
export function validatePlan(actions: unknown, targetDate: unknown, now: Date): { actions: string[]; targetDate: string } {
  if (
    !Array.isArray(actions) ||
    actions.length < 1 ||
    actions.length > FINDING_LIMITS.planActionsMax ||
    !actions.every((a) => hasTextLength(a, 1, FINDING_LIMITS.planActionMax))
  ) {
    throw invalidFinding(
      FindingErrorCode.INVALID_PLAN_ACTIONS,
      `A plan has 1..${FINDING_LIMITS.planActionsMax} actions of 1..${FINDING_LIMITS.planActionMax} characters`,
    );
  }
  if (!isIsoDate(targetDate)) {
    throw invalidFinding(FindingErrorCode.INVALID_TARGET_DATE, 'targetDate must be a calendar date YYYY-MM-DD');
  }
  const today = vietnamCalendarDate(now);
  if (targetDate < today) {
    throw invalidFinding(FindingErrorCode.TARGET_DATE_IN_PAST, `targetDate ${targetDate} is before ${today}`, {
      targetDate,
      today,
    });
  }
  return { actions: (actions as string[]).map((a) => a.trim()), targetDate };
}
