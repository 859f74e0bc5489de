import { DEFAULT_DISCIPLINE_POLICY as POLICY } from './discipline.policy';
import {
  addMonths,
  referralForConsecutiveNotCompleted,
  referralForRepeatFindings,
  referralForUnitOverdue,
  countsAsOverdue,
  referralsForEscalation,
} from './referral.rules';
import { referralKey } from './referral.values';

const none = new Set<string>();

describe('referral rules', () => {
  describe('level-3 escalation', () => {
    const fact = { escalationId: 'e-1', findingId: 'f-1', level: 3, unitId: 'u-1', responsibleOfficialIds: ['o-1', 'o-2'], unitHeadOfficialId: 'h-1' };

    it('refers each responsible official and, by policy, the unit head, on the same grounds', () => {
      const referrals = referralsForEscalation(fact, POLICY);
      expect(referrals.map((r) => [r.subject.kind, r.subject.officialId])).toEqual([
        ['official', 'o-1'],
        ['official', 'o-2'],
        ['unit_head', 'h-1'],
      ]);
      expect(referrals[0].grounds.map((g) => g.id)).toEqual(['escalation:e-1', 'finding:f-1']);
    });

    it('leaves the head out when policy says so, and ignores lower levels', () => {
      expect(referralsForEscalation(fact, { ...POLICY, referUnitHeadOnEscalation: false })).toHaveLength(2);
      expect(referralsForEscalation({ ...fact, level: 2 }, POLICY)).toEqual([]);
    });
  });

  describe('the same official in ≥ 3 findings within 12 months', () => {
    const f = (findingId: string, observedAt: string, withdrawn = false) => ({ findingId, observedAt, withdrawn });

    it('refers on the first three findings that fall within the window', () => {
      const findings = [f('f-1', '2023-01-10T00:00:00Z'), f('f-2', '2023-06-01T00:00:00Z'), f('f-3', '2024-01-09T23:59:00Z')];
      const referral = referralForRepeatFindings('o-1', 'u-1', findings, none, POLICY);
      expect(referral?.grounds.map((g) => g.id)).toEqual(['finding:f-1', 'finding:f-2', 'finding:f-3']);
    });

    it('does not refer when the span reaches 12 months, when one is withdrawn, or when grounds were used', () => {
      const spread = [f('f-1', '2023-01-10T00:00:00Z'), f('f-2', '2023-06-01T00:00:00Z'), f('f-3', '2024-01-10T00:00:00Z')];
      expect(referralForRepeatFindings('o-1', 'u-1', spread, none, POLICY)).toBeNull();
      const withdrawn = [f('f-1', '2023-01-10T00:00:00Z'), f('f-2', '2023-02-01T00:00:00Z', true), f('f-3', '2023-03-01T00:00:00Z')];
      expect(referralForRepeatFindings('o-1', 'u-1', withdrawn, none, POLICY)).toBeNull();
      const close = [f('f-1', '2023-01-10T00:00:00Z'), f('f-2', '2023-02-01T00:00:00Z'), f('f-3', '2023-03-01T00:00:00Z')];
      expect(referralForRepeatFindings('o-1', 'u-1', close, new Set(['finding:f-2']), POLICY)).toBeNull();
    });
  });

  describe('unit overdue count', () => {
    it('refers the head when ≥ N unreferred findings are overdue at once', () => {
      const ids = ['f-5', 'f-1', 'f-2', 'f-3', 'f-4'];
      const referral = referralForUnitOverdue('u-1', 'h-1', ids, none, POLICY);
      expect(referral).toMatchObject({ rule: 'unit_overdue', subject: { officialId: 'h-1', kind: 'unit_head' } });
      expect(referral?.grounds.map((g) => g.id)).toEqual(['finding:f-1', 'finding:f-2', 'finding:f-3', 'finding:f-4', 'finding:f-5']);
      expect(referralForUnitOverdue('u-1', 'h-1', ids.slice(1), none, POLICY)).toBeNull();
      expect(referralForUnitOverdue('u-1', null, ids, none, POLICY)).toBeNull();
      expect(referralForUnitOverdue('u-1', 'h-1', ids, new Set(['finding:f-1']), POLICY)).toBeNull();
    });

    it('counts a finding while its clock runs past the deadline, not while paused or ended', () => {
      expect(countsAsOverdue({ status: 'running', overdue: true })).toBe(true);
      expect(countsAsOverdue({ status: 'running', overdue: false })).toBe(false);
      expect(countsAsOverdue({ status: 'paused', overdue: true })).toBe(false);
      expect(countsAsOverdue({ status: 'ended', overdue: true })).toBe(false);
      expect(countsAsOverdue({ status: 'absent' })).toBe(false);
    });
  });

  describe('two consecutive annual not_completed', () => {
    it('refers proposing removal, grounded on both ratings', () => {
      const referral = referralForConsecutiveNotCompleted(
        'o-1',
        'u-1',
        [
          { year: 2022, rating: 'good' },
          { year: 2023, rating: 'not_completed' },
          { year: 2024, rating: 'not_completed' },
        ],
        none,
        POLICY,
      );
      expect(referral).toMatchObject({ rule: 'consecutive_not_completed', proposal: 'removal' });
      expect(referral?.grounds.map((g) => g.id)).toEqual(['evaluation:o-1:2023', 'evaluation:o-1:2024']);
    });

    it('needs consecutive years and unreferred ratings', () => {
      const gap = [
        { year: 2021, rating: 'not_completed' as const },
        { year: 2023, rating: 'not_completed' as const },
      ];
      expect(referralForConsecutiveNotCompleted('o-1', 'u-1', gap, none, POLICY)).toBeNull();
      const pair = [
        { year: 2023, rating: 'not_completed' as const },
        { year: 2024, rating: 'not_completed' as const },
      ];
      expect(referralForConsecutiveNotCompleted('o-1', 'u-1', pair, new Set(['evaluation:o-1:2024']), POLICY)).toBeNull();
    });
  });

  it('derives the same referral key from the same grounds in any order', () => {
    const subject = { officialId: 'o-1', kind: 'official' as const, unitId: 'u-1' };
    const g = (id: string) => ({ id, kind: 'finding' as const, sourceId: id, note: '' });
    const a = referralKey({ rule: 'repeat_findings', subject, grounds: [g('finding:b'), g('finding:a')] });
    const b = referralKey({ rule: 'repeat_findings', subject, grounds: [g('finding:a'), g('finding:b')] });
    expect(a).toBe(b);
    expect(referralKey({ rule: 'repeat_findings', subject: { ...subject, officialId: 'o-2' }, grounds: [g('finding:a')] })).not.toBe(a);
  });

  it('adds calendar months, clamping to the month end', () => {
    expect(new Date(addMonths('2024-01-31T00:00:00Z', 1)).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(new Date(addMonths('2023-01-10T05:00:00Z', 12)).toISOString()).toBe('2024-01-10T05:00:00.000Z');
  });
});
