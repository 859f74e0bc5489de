import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  evaluationDecider,
  evaluationStream,
  groundId,
  referralForConsecutiveNotCompleted,
  referralForRepeatFindings,
  referralsForEscalation,
  caseDecider,
  caseStream,
  DomainError,
  type FindingFact,
} from '@rectify/domain';
import { CheckpointedSubscription, EVENT_STORE, type EventStore, type RecordedEvent } from '@rectify/event-store';
import { awaitViewsAt, caseView, findingView, type FoldedView } from '@rectify/read-models';
import { CLOCK, CommandRunner, loadAggregate, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../../database';
import { LOG_FOLLOWING } from '../../event-sourcing/event-sourcing.tokens';
import type { LogFollowing } from '../../event-sourcing/event-store-selection';
import { DecisionExecutor } from '../cases/execute-decision/decision-executor';
import { DISCIPLINE_SYSTEM, ReferralOpener } from './referral-opener';
import { UNIT_OVERDUE_TRIGGERS, UnitOverdueReferrals } from './unit-overdue-referrals';

const logger = new Logger('Discipline');

/**
 * The views a reaction to each event type queries: it waits until they have folded the log up
 * to that event (awaitViewsAt), so a view that lags never hides a finding or a case from a rule.
 */
const VIEWS_READ_ON: Readonly<Record<string, readonly FoldedView[]>> = {
  FindingRecorded: [findingView],
  FindingWithdrawn: [caseView],
  FindingMarkedOverdue: [findingView],
  RemediationClockResumed: [findingView],
  DecisionExecutionDue: [findingView],
};
export const DISCIPLINE_REACTION_TYPES = [
  'FindingReferredToDisciplinaryBoard',
  'FindingRecorded',
  'FindingWithdrawn',
  'EvaluationRecorded',
  'EvaluationCorrected',
  'DecisionExecutionDue',
  ...UNIT_OVERDUE_TRIGGERS,
];

/**
 * Referral rules, ground withdrawal and carrying out due decisions, driven by a checkpointed gap-free subscription
 * (`process:discipline-reactions`): a restart resumes from the checkpoint. Every effect is
 * an idempotent command with a key derived from what caused it, so redelivery after a crash
 * writes nothing twice (at-least-once delivery + idempotent commands). With LOG_FOLLOWING
 * (KurrentDB mode) the subscription follows the port's log and every effect still goes through
 * CommandRunner, i.e. the port; on PostgreSQL it stays the CheckpointedSubscription.
 */
@Injectable()
export class DisciplineReactions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscription: Pick<CheckpointedSubscription, 'start' | 'stop' | 'catchUp'>;

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
    private readonly referrals: ReferralOpener,
    private readonly executor: DecisionExecutor,
    private readonly unitOverdue: UnitOverdueReferrals,
    @Inject(LOG_FOLLOWING) following: LogFollowing | null,
  ) {
    const options = {
      name: 'process:discipline-reactions',
      pool,
      types: DISCIPLINE_REACTION_TYPES,
      batchSize: 20,
      handle: async (events: readonly RecordedEvent[]) => {
        for (const event of events) await this.reactOrSkip(event);
      },
      onError: (error: unknown) => logger.error(`discipline reactions failed: ${error instanceof Error ? error.message : String(error)}`),
    };
    this.subscription = following ? following.subscription({ ...options, wakeUp: following.wakeUp }) : new CheckpointedSubscription(options);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription.stop();
  }

  catchUp(): Promise<void> {
    return this.subscription.catchUp();
  }

  /** A domain refusal (e.g. an unknown subject) is logged and skipped: it would refuse again on every retry. */
  private async reactOrSkip(event: RecordedEvent): Promise<void> {
    try {
      await this.react(event);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      logger.warn(`${event.type} ${event.id}: no referral (${error.code}: ${error.message})`);
    }
  }

  private async react(event: RecordedEvent): Promise<void> {
    const views = VIEWS_READ_ON[event.type];
    if (views) await awaitViewsAt(this.pool, this.store, views, event.logPosition);
    const data = event.data as Record<string, unknown>;
    const policy = this.referrals.policy;
    switch (event.type) {
      case 'FindingReferredToDisciplinaryBoard': {
        const head = (data.unitHeadOfficialId as string | null) ?? null;
        const responsible = (data.officialIds as string[]).filter((id) => id !== head);
        const fact = { escalationId: event.id, findingId: data.findingId as string, level: 3, unitId: data.unitId as string, responsibleOfficialIds: responsible, unitHeadOfficialId: head };
        for (const referral of referralsForEscalation(fact, policy)) await this.referrals.open(referral, event.id);
        return;
      }
      case 'FindingRecorded':
        for (const officialId of data.responsibleOfficialIds as string[]) await this.repeatFindings(officialId, data, event.id);
        return;
      case 'FindingWithdrawn':
        return this.withdrawGrounds(data.findingId as string, data.reason as string, event.id);
      case 'EvaluationRecorded':
      case 'EvaluationCorrected':
        if (data.periodKind === 'year') await this.consecutiveNotCompleted(data.officialId as string, event.id);
        return;
      case 'FindingMarkedOverdue':
      case 'RemediationClockResumed':
        // unit_overdue: the finding may now be overdue; count the unit's findings overdue at once.
        await this.unitOverdue.check(data.findingId as string, event.id);
        return;
      case 'DecisionExecutionDue':
        // The decision-execution process's timer fired: carry the decision out (idempotent, resumable).
        await this.executor.executeIfDue(data.caseId as string, data.executesOn as string);
        return;
    }
  }

  private async repeatFindings(officialId: string, recorded: Record<string, unknown>, causationId: string): Promise<void> {
    const used = await this.referrals.usedGrounds(officialId, 'repeat_findings');
    const findingGround = groundId('finding', '');
    const usedFindings = [...used].filter((g) => g.startsWith(findingGround)).map((g) => g.slice(findingGround.length));
    const { rows } = await this.pool.query<{ id: string; observed_at: Date; status: string }>(
      // Not the findings already grounds of an earlier referral: the rule leaves them out
      // anyway, and they are most of an official's findings once referrals began.
      // In the order the rule sorts them (observed, then id in code-point order), so its sort
      // runs over sorted input.
      `SELECT id, observed_at, status FROM rm_findings
        WHERE state->'responsibleOfficialIds' ? $1 AND NOT (id = ANY($2::text[]))
        ORDER BY observed_at, id COLLATE "C"`,
      [officialId, usedFindings],
    );
    const facts = new Map<string, FindingFact>(rows.map((r) => [r.id, { findingId: r.id, observedAt: r.observed_at.toISOString(), withdrawn: r.status === 'withdrawn' }]));
    const id = recorded.findingId as string;
    // The recorded finding itself, unless the view already has it or it is already a ground (a replay).
    if (!facts.has(id) && !used.has(groundId('finding', id))) facts.set(id, { findingId: id, observedAt: recorded.observedAt as string, withdrawn: false });
    const referral = referralForRepeatFindings(officialId, recorded.unitId as string, [...facts.values()], used, this.referrals.policy);
    if (referral) await this.referrals.open(referral, causationId);
  }

  private async consecutiveNotCompleted(officialId: string, causationId: string): Promise<void> {
    const { state } = await loadAggregate(this.store, evaluationDecider, evaluationStream(officialId));
    if (state.status !== 'rated') return;
    const annual = Object.values(state.periods).filter((p) => p.kind === 'year');
    const used = await this.referrals.usedGrounds(officialId, 'consecutive_not_completed');
    const unitId = annual.sort((a, b) => (a.period < b.period ? 1 : -1))[0]?.unitId ?? '';
    const referral = referralForConsecutiveNotCompleted(officialId, unitId, annual.map((p) => ({ year: Number(p.period), rating: p.rating })), used, this.referrals.policy);
    if (referral) await this.referrals.open(referral, causationId);
  }

  /** A withdrawn finding leaves the grounds of every case not yet carried out; the case history says so. */
  private async withdrawGrounds(findingId: string, why: string, causationId: string): Promise<void> {
    const ground = groundId('finding', findingId);
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM rm_cases WHERE status NOT IN ('executing', 'executed') AND state->'grounds' @> $1::jsonb`,
      [JSON.stringify([{ id: ground }])],
    );
    for (const { id: caseId } of rows) {
      const reason = `Finding ${findingId} was withdrawn (dispute upheld for the unit): ${why}`;
      await this.runner.execute({
        streamId: caseStream(caseId),
        decider: caseDecider,
        command: { type: 'WithdrawGround', data: { caseId, groundId: ground, reason }, metadata: { actor: DISCIPLINE_SYSTEM, now: this.clock.now(), reason } },
        idempotencyKey: `discipline:withdraw-ground:${caseId}:${ground}`,
        causationId,
        actorUnitId: null,
        respond: () => ({ caseId }),
      });
    }
  }
}
