import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  caseDecider,
  caseStream,
  explanationDueDate,
  referralKey,
  vietnamCalendarDate,
  type Actor,
  type DisciplinePolicy,
  type Referral,
  type ReferralRule,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../../database';
import { LOG_FOLLOWING } from '../../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../../event-sourcing/event-store-selection';
import { CaseFacts } from '../cases/case-facts';
import { DISCIPLINE_POLICY } from '../discipline-policy';
import { PortUsedGrounds } from './port-used-grounds';

export const DISCIPLINE_SYSTEM: Actor = { id: 'system:discipline', role: 'system' };

/**
 * Opens the case a referral calls for. Dedup: the case id and the command key derive from
 * the referral key (rule, subject, sorted grounds), so the same grounds never open two cases
 * however often the rule fires.
 */
@Injectable()
export class ReferralOpener {
  /** KurrentDB mode (LOG_FOLLOWING set): used grounds come through the port, not the `events` table. */
  private readonly portGrounds: PortUsedGrounds | null;

  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(DISCIPLINE_POLICY) readonly policy: DisciplinePolicy,
    private readonly runner: CommandRunner,
    private readonly facts: CaseFacts,
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(LOG_FOLLOWING) following: LogFollowing | null,
  ) {
    this.portGrounds = following ? new PortUsedGrounds(store) : null;
  }

  async open(referral: Referral, causationId: string): Promise<string> {
    const key = referralKey(referral);
    const caseId = deterministicUuid('case', key);
    const referralId = deterministicUuid('referral', key);
    await this.runner.execute({
      streamId: caseStream(caseId),
      decider: caseDecider,
      request: { actorId: DISCIPLINE_SYSTEM.id, body: { referralKey: key } },
      command: async () => {
        const now = this.clock.now();
        const subject = await this.facts.subject(referral.subject.officialId, referral.subject.kind);
        const calendar = await this.facts.calendar.current();
        return {
          type: 'OpenCase' as const,
          data: {
            caseId,
            subject,
            origin: { kind: 'referral' as const, referralId, rule: referral.rule, proposal: referral.proposal },
            grounds: referral.grounds,
            summary: referral.summary,
            explanationDueDate: explanationDueDate(calendar, vietnamCalendarDate(now), this.policy),
          },
          metadata: { actor: DISCIPLINE_SYSTEM, now, reason: referral.summary },
        };
      },
      idempotencyKey: `discipline:referral:${referralId}`,
      correlationId: `referral-${referralId}`,
      causationId,
      actorUnitId: null,
      respond: () => ({ caseId }),
    });
    return caseId;
  }

  /**
   * Grounds already referred against this official under this rule, from the committed
   * CaseOpened events themselves (not the lagging rm_cases read model): a case opened a moment
   * ago by an earlier input always counts, so overlapping grounds never open a second case.
   * A ground later withdrawn from its case still counts as used.
   */
  async usedGrounds(officialId: string, rule: ReferralRule): Promise<Set<string>> {
    if (this.portGrounds) return this.portGrounds.of(officialId, rule);
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT g->>'id' AS id FROM events, jsonb_array_elements(data->'grounds') g
        WHERE type = 'CaseOpened' AND data->'subject'->>'officialId' = $1 AND data->'origin'->>'rule' = $2`,
      [officialId, rule],
    );
    return new Set(rows.map((r) => r.id));
  }
}
