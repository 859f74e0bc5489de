import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  appealDeadline,
  explanationDueDate,
  vietnamCalendarDate,
  type CaseCommand,
  type DisciplinePolicy,
} from '@rectify/domain';
import { CLOCK, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import type { CaseResponse } from '../../case.response';
import { DISCIPLINE_POLICY } from '../../discipline-policy';
import { CaseFacts } from '../case-facts';
import { CaseRunner } from '../case-runner';
import type { AppealRequest, DecisionRequest, ExplanationRequest, RecordHearingRequest, ScheduleHearingRequest, VoteRequest } from './change-case.requests';

export type CaseChange =
  | { type: 'SubmitExplanation'; body: ExplanationRequest }
  | { type: 'ScheduleHearing'; body: ScheduleHearingRequest }
  | { type: 'RecordHearing'; body: RecordHearingRequest }
  | { type: 'CastVote'; body: VoteRequest }
  | { type: 'RecordDecision'; body: DecisionRequest }
  | { type: 'FileAppeal'; body: AppealRequest };

export class ChangeCaseCommand extends Command<CaseResponse> {
  constructor(
    readonly caseId: string,
    readonly change: CaseChange,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Every step of a case after opening; deadlines come from policy and the business calendar. */
@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand, CaseResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISCIPLINE_POLICY) private readonly policy: DisciplinePolicy,
    private readonly facts: CaseFacts,
    private readonly cases: CaseRunner,
  ) {}

  execute({ caseId, change, request }: ChangeCaseCommand): Promise<CaseResponse> {
    return this.cases.run(caseId, request, () => this.build(caseId, change, request), { type: change.type, ...change.body });
  }

  private async build(caseId: string, change: CaseChange, request: RequestContext): Promise<CaseCommand> {
    const metadata = commandContext(request, this.clock);
    const today = vietnamCalendarDate(metadata.now);
    switch (change.type) {
      case 'SubmitExplanation':
        return { type: 'SubmitExplanation', data: { caseId, text: change.body.text }, metadata };
      case 'ScheduleHearing':
        return { type: 'ScheduleHearing', data: { caseId, ...change.body }, metadata };
      case 'RecordHearing':
        return { type: 'RecordHearing', data: { caseId, ...change.body }, metadata };
      case 'CastVote':
        return { type: 'CastVote', data: { caseId, decisionKind: change.body.decisionKind }, metadata };
      case 'RecordDecision': {
        const { body } = change;
        if (body.successorOfficialId) await this.facts.official(body.successorOfficialId);
        if (body.transferTo) await this.facts.unit(body.transferTo.unitId);
        const calendar = await this.facts.calendar.current();
        return {
          type: 'RecordDecision',
          data: {
            caseId,
            decision: {
              kind: body.kind,
              reasons: body.reasons,
              effectiveDate: body.effectiveDate,
              successorOfficialId: body.successorOfficialId ?? null,
              transferTo: body.transferTo ? { unitId: body.transferTo.unitId, position: body.transferTo.position } : null,
            },
            appealDeadline: appealDeadline(calendar, today, this.policy),
            quorum: this.policy.quorum,
            majorityShare: this.policy.majorityShare,
          },
          metadata: { ...metadata, reason: body.reasons },
        };
      }
      case 'FileAppeal': {
        const calendar = await this.facts.calendar.current();
        return {
          type: 'FileAppeal',
          data: { caseId, reason: change.body.reason, explanationDueDate: explanationDueDate(calendar, today, this.policy) },
          metadata: { ...metadata, reason: change.body.reason },
        };
      }
    }
  }
}
