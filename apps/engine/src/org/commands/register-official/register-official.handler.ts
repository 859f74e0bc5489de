import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assertUnitExists,
  officialDecider,
  officialStream,
  unitDecider,
  unitStream,
  type ActiveOfficial,
  type RegisterOfficial,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, loadAggregate, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toOfficialResponse, type OfficialResponse } from '../../official.response';
import type { RegisterOfficialRequest } from './register-official.request';

export class RegisterOfficialCommand extends Command<OfficialResponse> {
  constructor(
    readonly body: RegisterOfficialRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Registers an official into an existing unit. */
@CommandHandler(RegisterOfficialCommand)
export class RegisterOfficialHandler implements ICommandHandler<RegisterOfficialCommand, OfficialResponse> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  execute({ body, request }: RegisterOfficialCommand): Promise<OfficialResponse> {
    const officialId = deterministicUuid('official', request.idempotencyKey);
    const command: RegisterOfficial = {
      type: 'RegisterOfficial',
      data: { officialId, fullName: body.fullName, unitId: body.unitId, position: body.position, email: body.email ?? null },
      metadata: commandContext(request, this.clock),
    };
    return this.runner.execute({
      streamId: officialStream(officialId),
      decider: officialDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      correlationId: request.correlationId,
      authorize: async () => {
        const unit = await loadAggregate(this.store, unitDecider, unitStream(body.unitId));
        assertUnitExists(unit.state, body.unitId);
      },
      respond: (state, outcome) => toOfficialResponse(state as ActiveOfficial, outcome),
    });
  }
}
