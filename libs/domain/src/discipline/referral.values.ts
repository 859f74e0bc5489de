/** What a referral (or a case) rests on, by id: `finding:<id>`, `escalation:<id>`, `evaluation:<officialId>:<year>`. */
export type GroundKind = 'finding' | 'escalation' | 'evaluation';

export interface Ground {
  /** Stable id, `<kind>:<source id>`. */
  id: string;
  kind: GroundKind;
  /** The finding, escalation or rated official the ground points to. */
  sourceId: string;
  /** Human-readable: why this counts (e.g. "annual rating 2023: not_completed"). */
  note: string;
}

export const REFERRAL_RULES = ['level3_escalation', 'repeat_findings', 'unit_overdue', 'consecutive_not_completed'] as const;
export type ReferralRule = (typeof REFERRAL_RULES)[number];

/** `official`: the responsible official; `unit_head`: the head, accountable for the unit. */
export type SubjectKind = 'official' | 'unit_head';

export interface ReferralSubject {
  officialId: string;
  kind: SubjectKind;
  unitId: string;
}

export interface Referral {
  rule: ReferralRule;
  subject: ReferralSubject;
  /** Sorted by id; never empty. */
  grounds: Ground[];
  /** `removal` for two consecutive not_completed years; otherwise null. */
  proposal: 'removal' | null;
  summary: string;
}

export const groundId = (kind: GroundKind, sourceId: string): string => `${kind}:${sourceId}`;

export const ground = (kind: GroundKind, sourceId: string, note: string): Ground => ({ id: groundId(kind, sourceId), kind, sourceId, note });

/**
 * The deduplication key of a referral: rule, subject and the sorted ground ids. The same
 * grounds against the same subject under the same rule always give the same key, so the
 * case opened for it (id = uuid of the key) is opened once. Grounds that changed (a finding
 * withdrawn) give a different key; the rules never reuse grounds already referred.
 */
export function referralKey(referral: Pick<Referral, 'rule' | 'subject' | 'grounds'>): string {
  const ids = referral.grounds.map((g) => g.id).sort();
  return ['referral', referral.rule, referral.subject.kind, referral.subject.officialId, ...ids].join('|');
}

export function sortGrounds(grounds: readonly Ground[]): Ground[] {
  const unique = new Map(grounds.map((g) => [g.id, g]));
  return [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
