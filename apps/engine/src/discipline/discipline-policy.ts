import { DEFAULT_DISCIPLINE_POLICY, type DisciplinePolicy } from '@rectify/domain';

export const DISCIPLINE_POLICY = Symbol('DISCIPLINE_POLICY');

const VARIABLES: Record<keyof DisciplinePolicy, string> = {
  referralEscalationLevel: 'DISCIPLINE_REFERRAL_ESCALATION_LEVEL',
  referUnitHeadOnEscalation: 'DISCIPLINE_REFER_UNIT_HEAD',
  repeatFindingsThreshold: 'DISCIPLINE_REPEAT_FINDINGS',
  repeatFindingsWindowMonths: 'DISCIPLINE_REPEAT_WINDOW_MONTHS',
  unitOverdueThreshold: 'DISCIPLINE_UNIT_OVERDUE_FINDINGS',
  consecutiveNotCompletedYears: 'DISCIPLINE_NOT_COMPLETED_YEARS',
  explanationWorkingDays: 'DISCIPLINE_EXPLANATION_WORKING_DAYS',
  appealWindowWorkingDays: 'DISCIPLINE_APPEAL_WORKING_DAYS',
  quorum: 'DISCIPLINE_QUORUM',
  majorityShare: 'DISCIPLINE_MAJORITY_SHARE',
};

/** Policy from DISCIPLINE_* variables (defaults otherwise); a bad value stops the process naming the variable. */
export function disciplinePolicyFromEnv(env: NodeJS.ProcessEnv): DisciplinePolicy {
  const policy: Record<string, number | boolean> = { ...DEFAULT_DISCIPLINE_POLICY };
  for (const [key, name] of Object.entries(VARIABLES)) {
    const raw = env[name];
    if (raw === undefined || raw === '') continue;
    if (typeof policy[key] === 'boolean') {
      if (raw !== 'true' && raw !== 'false') throw new Error(`${name} must be true or false (got '${raw}')`);
      policy[key] = raw === 'true';
      continue;
    }
    const value = Number(raw);
    const valid = key === 'majorityShare' ? value >= 0.5 && value < 1 : Number.isInteger(value) && value >= 1 && value <= 1000;
    if (!valid) throw new Error(`${name} is not valid (got '${raw}')`);
    policy[key] = value;
  }
  return policy as unknown as DisciplinePolicy;
}
