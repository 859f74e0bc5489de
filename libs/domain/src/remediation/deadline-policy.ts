import { ValidationError } from '../shared';
import type { FindingCategory, FindingSeverity } from '../finding/finding.values';
import { FINDING_CATEGORIES, FINDING_SEVERITIES } from '../finding/finding.values';
import type { UnitKind } from '../org/unit.values';
import { UNIT_KINDS } from '../org/unit.values';

/**
 * An override of the severity defaults for findings matching every field it names
 * (severity, unit kind, category). The first matching rule wins: list specific rules first.
 */
export interface DeadlineRule {
  severity?: FindingSeverity;
  unitKind?: UnitKind;
  category?: FindingCategory;
  remediationWorkingDays?: number;
  acknowledgeWorkingDays?: number;
}

/** Deadline and escalation policy; every number counts Vietnamese working days. */
export interface DeadlinePolicy {
  acknowledgeWorkingDays: number;
  remediationWorkingDays: Record<FindingSeverity, number>;
  /** Reminders this many working days before the due day (0 = on the due day). */
  reminderWorkingDaysBeforeDue: number[];
  /** Escalation levels 1, 2, 3: this many working days after the due day ends (0 = at the deadline). */
  escalationWorkingDaysAfterDue: [number, number, number];
  maxExtensionsPerFinding: number;
  /** Largest single extension a unit head may request. */
  maxExtensionWorkingDays: number;
  /** Level 3 refers the unit head too, besides the responsible officials. */
  referUnitHead: boolean;
  rules: DeadlineRule[];
}

/** DOMAIN.md defaults. */
export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = Object.freeze({
  acknowledgeWorkingDays: 2,
  remediationWorkingDays: { critical: 5, major: 15, minor: 30 },
  reminderWorkingDaysBeforeDue: [3, 0],
  escalationWorkingDaysAfterDue: [0, 5, 10],
  maxExtensionsPerFinding: 2,
  maxExtensionWorkingDays: 30,
  referUnitHead: true,
  rules: [],
}) as unknown as DeadlinePolicy;

/** The numbers one finding runs on: resolved from the policy when its process starts. */
export interface RemediationRules {
  policyRevision: number;
  acknowledgeWorkingDays: number;
  remediationWorkingDays: number;
  reminderWorkingDaysBeforeDue: number[];
  escalationWorkingDaysAfterDue: [number, number, number];
  maxExtensionsPerFinding: number;
  maxExtensionWorkingDays: number;
  referUnitHead: boolean;
}

export function resolveRemediationRules(
  policy: DeadlinePolicy,
  revision: number,
  finding: { severity: FindingSeverity; category: FindingCategory; unitKind: UnitKind | null },
): RemediationRules {
  const rule = policy.rules.find(
    (r) =>
      (r.severity === undefined || r.severity === finding.severity) &&
      (r.unitKind === undefined || r.unitKind === finding.unitKind) &&
      (r.category === undefined || r.category === finding.category),
  );
  return {
    policyRevision: revision,
    acknowledgeWorkingDays: rule?.acknowledgeWorkingDays ?? policy.acknowledgeWorkingDays,
    remediationWorkingDays: rule?.remediationWorkingDays ?? policy.remediationWorkingDays[finding.severity],
    reminderWorkingDaysBeforeDue: [...policy.reminderWorkingDaysBeforeDue],
    escalationWorkingDaysAfterDue: [...policy.escalationWorkingDaysAfterDue],
    maxExtensionsPerFinding: policy.maxExtensionsPerFinding,
    maxExtensionWorkingDays: policy.maxExtensionWorkingDays,
    referUnitHead: policy.referUnitHead,
  };
}

const CODE = 'POLICY.INVALID_DEADLINE_POLICY';
const MAX_DAYS = 365;

function days(value: unknown, field: string, min = 0): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > MAX_DAYS) {
    throw new ValidationError(CODE, `${field} must be an integer ${min}-${MAX_DAYS} (working days)`, { field });
  }
  return value as number;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new ValidationError(CODE, `${field} must be one of ${allowed.join(', ')}`, { field });
  }
  return value as T;
}

/** Validates a whole policy; errors name the field (e.g. rules[1].remediationWorkingDays). */
export function validateDeadlinePolicy(input: DeadlinePolicy): DeadlinePolicy {
  const remediation = input.remediationWorkingDays ?? ({} as Record<FindingSeverity, number>);
  const reminders = input.reminderWorkingDaysBeforeDue;
  const escalations = input.escalationWorkingDaysAfterDue;
  if (!Array.isArray(reminders) || reminders.length > 5) {
    throw new ValidationError(CODE, 'reminderWorkingDaysBeforeDue must be a list of at most 5 numbers', { field: 'reminderWorkingDaysBeforeDue' });
  }
  if (!Array.isArray(escalations) || escalations.length !== 3) {
    throw new ValidationError(CODE, 'escalationWorkingDaysAfterDue must list 3 numbers (levels 1-3)', { field: 'escalationWorkingDaysAfterDue' });
  }
  const levels = escalations.map((d, i) => days(d, `escalationWorkingDaysAfterDue[${i}]`)) as [number, number, number];
  if (!(levels[0] < levels[1] && levels[1] < levels[2])) {
    throw new ValidationError(CODE, 'escalation levels must come strictly one after another', { field: 'escalationWorkingDaysAfterDue' });
  }
  if (typeof input.referUnitHead !== 'boolean') {
    throw new ValidationError(CODE, 'referUnitHead must be true or false', { field: 'referUnitHead' });
  }
  const rules = input.rules ?? [];
  if (!Array.isArray(rules) || rules.length > 100) {
    throw new ValidationError(CODE, 'rules must be a list of at most 100 rules', { field: 'rules' });
  }
  return {
    acknowledgeWorkingDays: days(input.acknowledgeWorkingDays, 'acknowledgeWorkingDays', 1),
    remediationWorkingDays: Object.fromEntries(
      FINDING_SEVERITIES.map((s) => [s, days(remediation[s], `remediationWorkingDays.${s}`, 1)]),
    ) as Record<FindingSeverity, number>,
    reminderWorkingDaysBeforeDue: [...new Set(reminders.map((d, i) => days(d, `reminderWorkingDaysBeforeDue[${i}]`)))].sort((a, b) => b - a),
    escalationWorkingDaysAfterDue: levels,
    maxExtensionsPerFinding: days(input.maxExtensionsPerFinding, 'maxExtensionsPerFinding'),
    maxExtensionWorkingDays: days(input.maxExtensionWorkingDays, 'maxExtensionWorkingDays', 1),
    referUnitHead: input.referUnitHead,
    rules: rules.map((rule, i) => validateRule(rule, `rules[${i}]`)),
  };
}

function validateRule(rule: DeadlineRule, field: string): DeadlineRule {
  if (rule === null || typeof rule !== 'object') throw new ValidationError(CODE, `${field} must be an object`, { field });
  const out: DeadlineRule = {};
  const severity = oneOf(rule.severity, FINDING_SEVERITIES, `${field}.severity`);
  const unitKind = oneOf(rule.unitKind, UNIT_KINDS, `${field}.unitKind`);
  const category = oneOf(rule.category, FINDING_CATEGORIES, `${field}.category`);
  if (severity) out.severity = severity;
  if (unitKind) out.unitKind = unitKind;
  if (category) out.category = category;
  if (rule.remediationWorkingDays !== undefined) out.remediationWorkingDays = days(rule.remediationWorkingDays, `${field}.remediationWorkingDays`, 1);
  if (rule.acknowledgeWorkingDays !== undefined) out.acknowledgeWorkingDays = days(rule.acknowledgeWorkingDays, `${field}.acknowledgeWorkingDays`, 1);
  if (out.remediationWorkingDays === undefined && out.acknowledgeWorkingDays === undefined) {
    throw new ValidationError(CODE, `${field} must set remediationWorkingDays or acknowledgeWorkingDays`, { field });
  }
  return out;
}
