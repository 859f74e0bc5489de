import { Injectable } from '@nestjs/common';
import { caseDecider, caseNotFound, caseStream, type CaseCommand, type ExistingCase } from '@rectify/domain';
import { CommandRunner } from '@rectify/workflow';
import type { RequestContext } from '../../application';
import { toCaseResponse, type CaseResponse } from '../case.response';

/** Runs one case command through the idempotent CommandRunner and answers the case as it now stands. */
@Injectable()
export class CaseRunner {
  constructor(private readonly runner: CommandRunner) {}

  run(
    caseId: string,
    request: RequestContext,
    command: () => Promise<CaseCommand>,
    body: unknown,
    options: { mustExist?: boolean; idempotencyKey?: string; causationId?: string } = {},
  ): Promise<CaseResponse> {
    return this.runner.execute({
      streamId: caseStream(caseId),
      decider: caseDecider,
      command,
      request: { actorId: request.actor.id, body },
      idempotencyKey: options.idempotencyKey ?? request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      causationId: options.causationId,
      actorUnitId: null,
      authorize: (state) => {
        if (options.mustExist !== false && state.status === 'absent') throw caseNotFound(caseId);
      },
      respond: (state, outcome) => toCaseResponse(state as ExistingCase, outcome),
    });
  }
}
