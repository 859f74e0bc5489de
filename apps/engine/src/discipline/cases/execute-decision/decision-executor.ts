import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  caseDecider,
  caseNotFound,
  caseStream,
  DomainError,
  findingDecider,
  findingStream,
  officialDecider,
  officialStream,
  planDecisionExecution,
  unitDecider,
  unitStream,
  vietnamCalendarDate,
  type Actor,
  type ExecutionStep,
  type ExistingCase,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, crashPoint, loadAggregate, type Clock } from '@rectify/workflow';
import { PG_POOL } from '../../../database';
import { CaseFacts } from '../case-facts';

const SYSTEM: Actor = { id: 'system:discipline', role: 'system' };

export type ExecutionResult = { status: 'not_due' | 'not_decided' | 'executed'; caseId: string; notes: string[] };

/**
 * Carries out a decided case once its execution day has come (after the appeal window).
 * Crash-safe: the plan is fixed in the case stream first (DecisionExecutionStarted); every
 * step is an idempotent command keyed by (case, step id), so a rerun after a crash skips
 * what was done and finishes the rest; completion is recorded once.
 */
@Injectable()
export class DecisionExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly runner: CommandRunner,
    private readonly facts: CaseFacts,
  ) {}

  /**
   * `dueOn`: when a fired execution timer triggers the run, its day (the runtime's clock said
   * it has come); the execution's domain time is then never before 00:00 (UTC+7) of that day.
   */
  async executeIfDue(caseId: string, dueOn?: string): Promise<ExecutionResult> {
    const loaded = await loadAggregate(this.store, caseDecider, caseStream(caseId));
    let state = loaded.state;
    if (state.status === 'absent') throw caseNotFound(caseId);
    if (state.status === 'executed') return { status: 'executed', caseId, notes: state.executionNotes };
    if (state.status !== 'decided' && state.status !== 'executing') return { status: 'not_decided', caseId, notes: [] };
    const now = this.now(dueOn);
    if (state.status === 'decided' && vietnamCalendarDate(now) < state.decision!.executesOn) return { status: 'not_due', caseId, notes: [] };
    const planNotes: string[] = [];
    if (state.status === 'decided') {
      const plan = planDecisionExecution(state.decision!, await this.executionFacts(state));
      planNotes.push(...plan.unassignedFindingIds.map((id) => `finding ${id}: no successor or other unit head to take it over; it stays with the subject`));
      state = await this.caseCommand(caseId, 'start', { type: 'StartDecisionExecution', data: { caseId, steps: plan.steps }, metadata: this.meta('Decision carried out', now) });
    }
    const notes = [...planNotes];
    for (const step of (state as ExistingCase).executionSteps ?? []) {
      notes.push(await this.runStep(state as ExistingCase, step, now));
      crashPoint('decision-step-done');
    }
    const done = await this.caseCommand(caseId, 'complete', { type: 'CompleteDecisionExecution', data: { caseId, notes }, metadata: this.meta('Decision carried out', now) });
    return { status: 'executed', caseId, notes: done.executionNotes };
  }

  private async executionFacts(c: ExistingCase) {
    const subject = await this.facts.official(c.subject.officialId);
    const unit = await this.facts.unit(subject.unitId);
    const successorId = c.decision!.successorOfficialId;
    const successor = successorId ? await this.facts.official(successorId) : null;
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT id FROM rm_findings WHERE status NOT IN ('closed', 'withdrawn') AND state->'responsibleOfficialIds' ? $1 ORDER BY id`,
      [subject.id],
    );
    return {
      subject: { officialId: subject.id, unitId: subject.unitId, position: subject.position, active: subject.status === 'active' },
      subjectHeadsUnitId: unit.headOfficialId === subject.id ? unit.id : null,
      unitHeadOfficialId: unit.headOfficialId,
      successor: successor ? { officialId: successor.id, unitId: successor.unitId, active: successor.status === 'active' } : null,
      openFindingIds: rows.map((r) => r.id),
    };
  }

  /** One step; a domain refusal (e.g. the finding was closed meanwhile) is noted, never fatal. */
  private async runStep(c: ExistingCase, step: ExecutionStep, now: Date): Promise<string> {
    const key = `discipline:${c.id}:execute:${step.id}`;
    const reason = `Decision of disciplinary case ${c.id} (${c.decision!.kind})`;
    const metadata = this.meta(reason, now);
    const exec = { idempotencyKey: key, correlationId: `case-${c.id}`, actorUnitId: null, respond: () => ({ ok: true }) };
    try {
      switch (step.kind) {
        case 'transfer_official':
          await this.runner.execute({ ...exec, streamId: officialStream(step.officialId), decider: officialDecider,
            command: { type: 'TransferOfficial', data: { officialId: step.officialId, toUnitId: step.toUnitId, position: step.position, reason }, metadata } });
          break;
        case 'deactivate_official':
          await this.runner.execute({ ...exec, streamId: officialStream(step.officialId), decider: officialDecider,
            command: { type: 'DeactivateOfficial', data: { officialId: step.officialId, reason }, metadata } });
          break;
        case 'vacate_unit_head':
          await this.runner.execute({ ...exec, streamId: unitStream(step.unitId), decider: unitDecider,
            command: { type: 'VacateUnitHead', data: { unitId: step.unitId, officialId: step.officialId, reason }, metadata } });
          break;
        case 'appoint_unit_head': {
          const official = await this.facts.official(step.officialId);
          await this.runner.execute({ ...exec, streamId: unitStream(step.unitId), decider: unitDecider,
            request: { actorId: SYSTEM.id, body: step },
            command: async () => ({ type: 'AppointUnitHead' as const, data: { unitId: step.unitId, officialId: step.officialId, officialUnitId: official.unitId, officialStatus: official.status }, metadata }) });
          break;
        }
        case 'hand_over_finding':
          await this.runner.execute({ ...exec, streamId: findingStream(step.findingId), decider: findingDecider,
            command: { type: 'HandOverResponsibility', data: { findingId: step.findingId, fromOfficialId: step.fromOfficialId, toOfficialId: step.toOfficialId, reason, caseId: c.id }, metadata } });
          break;
      }
      return `${step.id}: done`;
    } catch (error) {
      if (error instanceof DomainError) return `${step.id}: skipped (${error.code}: ${error.message})`;
      throw error;
    }
  }

  private async caseCommand(caseId: string, label: string, command: Parameters<typeof caseDecider.decide>[0]): Promise<ExistingCase> {
    return this.runner.execute({
      streamId: caseStream(caseId),
      decider: caseDecider,
      command,
      idempotencyKey: `discipline:${caseId}:execute:${label}`,
      correlationId: `case-${caseId}`,
      actorUnitId: null,
      respond: (state) => state as ExistingCase,
    });
  }

  private meta(reason: string, now: Date) {
    return { actor: SYSTEM, now, reason };
  }

  private now(dueOn?: string): Date {
    const now = this.clock.now();
    if (!dueOn) return now;
    const dayStart = new Date(`${dueOn}T00:00:00+07:00`);
    return dayStart.getTime() > now.getTime() ? dayStart : now;
  }
}
