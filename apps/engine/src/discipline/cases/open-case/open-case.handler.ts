import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { explanationDueDate, ground, vietnamCalendarDate, type DisciplinePolicy } from '@rectify/domain';
import { CLOCK, deterministicUuid, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import type { CaseResponse } from '../../case.response';
import { DISCIPLINE_POLICY } from '../../discipline-policy';
import { CaseFacts } from '../case-facts';
import { CaseRunner } from '../case-runner';
import type { OpenCaseRequest } from './open-case.request';

export class OpenCaseCommand extends Command<CaseResponse> {
  constructor(
    readonly body: OpenCaseRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** A case opened by the board secretary (id derived from the Idempotency-Key). */
@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand, CaseResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DISCIPLINE_POLICY) private readonly policy: DisciplinePolicy,
    private readonly facts: CaseFacts,
    private readonly cases: CaseRunner,
  ) {}

  execute({ body, request }: OpenCaseCommand): Promise<CaseResponse> {
    const caseId = deterministicUuid('case', request.idempotencyKey);
    return this.cases.run(
      caseId,
      request,
      async () => {
        const metadata = commandContext(request, this.clock, body.summary);
        const subject = await this.facts.subject(body.subjectOfficialId, body.subjectKind);
        const calendar = await this.facts.calendar.current();
        return {
          type: 'OpenCase',
          data: {
            caseId,
            subject,
            origin: { kind: 'manual' },
            grounds: (body.grounds ?? []).map((g) => ground(g.kind, g.sourceId, g.note ?? '')),
            summary: body.summary,
            explanationDueDate: explanationDueDate(calendar, vietnamCalendarDate(metadata.now), this.policy),
          },
          metadata,
        };
      },
      body,
      { mustExist: false },
    );
  }
}
