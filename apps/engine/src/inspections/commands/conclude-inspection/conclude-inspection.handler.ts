import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { inspectionDecider, inspectionStream, type ConcludeInspection } from '@rectify/domain';
import { CLOCK, CommandRunner, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toInspectionResponse, type ExistingInspection, type InspectionResponse } from '../../inspection.response';

export class ConcludeInspectionCommand extends Command<InspectionResponse> {
  constructor(
    readonly inspectionId: string,
    readonly notice: string,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Concludes an open inspection with its notice; no finding can be recorded on it afterwards. */
@CommandHandler(ConcludeInspectionCommand)
export class ConcludeInspectionHandler implements ICommandHandler<ConcludeInspectionCommand, InspectionResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  execute({ inspectionId, notice, request }: ConcludeInspectionCommand): Promise<InspectionResponse> {
    const command: ConcludeInspection = {
      type: 'ConcludeInspection',
      data: { inspectionId, notice },
      metadata: commandContext(request, this.clock),
    };
    return this.runner.execute({
      streamId: inspectionStream(inspectionId),
      decider: inspectionDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      actorUnitId: (state) => (state.status === 'absent' ? null : state.teamId),
      respond: (state, outcome) => toInspectionResponse(state as ExistingInspection, outcome),
    });
  }
}
