import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { countsAsOverdue, evolveRemediation, initialRemediationState, referralForUnitOverdue, remediationStream, type RemediationState, type RemediationStreamEvent } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { PG_POOL } from '../../database';
import { CaseFacts } from '../cases/case-facts';
import { ReferralOpener } from './referral-opener';

/** Remediation events after which a finding may count as overdue (the ones that end it need no reaction). */
export const UNIT_OVERDUE_TRIGGERS = ['FindingMarkedOverdue', 'RemediationClockResumed'];

/**
 * The unit_overdue rule: a unit with ≥ `unitOverdueThreshold` findings overdue at once → a
 * head-accountability referral of the unit head. "Overdue at once" is folded from the
 * remediation process streams (the source of truth: FindingMarkedOverdue sets it; an extension
 * or resumed clock with the deadline ahead, a reopening, closing or withdrawal ends it), never
 * from a read model's flag. Only the unit's candidate findings come from `rm_findings`; a
 * finding is recorded days before it can be overdue, and the triggering finding is always
 * included. Grounds already referred under this rule against the same head never count again,
 * and the case id derives from the grounds: a redelivered trigger opens nothing new.
 */
@Injectable()
export class UnitOverdueReferrals {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly referrals: ReferralOpener,
    private readonly facts: CaseFacts,
  ) {}

  async check(findingId: string, causationId: string): Promise<string | null> {
    const trigger = await this.remediation(findingId);
    if (trigger.status === 'absent' || !countsAsOverdue(trigger)) return null;
    const unitId = trigger.unitId;
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM rm_findings WHERE unit_id = $1 AND status NOT IN ('closed', 'withdrawn') ORDER BY id`,
      [unitId],
    );
    const overdue = [findingId];
    for (const { id } of rows) {
      if (id !== findingId && countsAsOverdue(await this.remediation(id))) overdue.push(id);
    }
    if (overdue.length < this.referrals.policy.unitOverdueThreshold) return null;
    const unit = await this.facts.unit(unitId);
    if (!unit.headOfficialId) return null;
    const used = await this.referrals.usedGrounds(unit.headOfficialId, 'unit_overdue');
    const referral = referralForUnitOverdue(unitId, unit.headOfficialId, overdue, used, this.referrals.policy);
    return referral ? this.referrals.open(referral, causationId) : null;
  }

  private async remediation(findingId: string): Promise<RemediationState> {
    const events = await this.store.readStream(remediationStream(findingId));
    return events.reduce((s, e) => evolveRemediation(s, { type: e.type, data: e.data } as RemediationStreamEvent), initialRemediationState());
  }
}
