/** Finding rules an administrator sets by configuration. */
export interface FindingPolicy {
  /** A unit head may close a minor finding right after submitting evidence (recorded as self-certified). */
  selfCertifyMinorFindings: boolean;
}

export const FINDING_POLICY = Symbol('FINDING_POLICY');

export function findingPolicyFromEnv(env: NodeJS.ProcessEnv): FindingPolicy {
  const raw = (env.POLICY_SELF_CERTIFY_MINOR ?? 'false').trim().toLowerCase();
  if (raw !== 'true' && raw !== 'false') {
    throw new Error(`Invalid configuration: POLICY_SELF_CERTIFY_MINOR must be true or false (got '${raw}')`);
  }
  return { selfCertifyMinorFindings: raw === 'true' };
}
