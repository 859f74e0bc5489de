import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, unitDecider, unitStream, type ActiveUnit, type CreateUnit } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toUnitResponse, type UnitResponse } from '../../unit.response';
import type { CreateUnitRequest } from './create-unit.request';

export class CreateUnitCommand extends Command<UnitResponse> {
  constructor(
    readonly body: CreateUnitRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Creates a unit; its parent and supervising unit, when named, must already exist. */
@CommandHandler(CreateUnitCommand)
export class CreateUnitHandler implements ICommandHandler<CreateUnitCommand, UnitResponse> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  execute({ body, request }: CreateUnitCommand): Promise<UnitResponse> {
    const unitId = deterministicUuid('unit', request.idempotencyKey);
    const command: CreateUnit = {
      type: 'CreateUnit',
      data: {
        unitId,
        name: body.name,
        code: body.code ?? null,
        kind: body.kind,
        parentUnitId: body.parentUnitId ?? null,
        supervisingUnitId: body.supervisingUnitId ?? null,
      },
      metadata: commandContext(request, this.clock),
    };
    return this.runner.execute({
      streamId: unitStream(unitId),
      decider: unitDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      correlationId: request.correlationId,
      // Inside the runner (after the stored-response lookup), so a retry is answered even if
      // the referenced units changed since.
      authorize: async () => {
        await this.assertUnitExists(body.parentUnitId, 'UNIT.PARENT_NOT_FOUND', 'parentUnitId');
        await this.assertUnitExists(body.supervisingUnitId, 'UNIT.SUPERVISOR_NOT_FOUND', 'supervisingUnitId');
      },
      respond: (state, outcome) => toUnitResponse(state as ActiveUnit, outcome),
    });
  }

  private async assertUnitExists(unitId: string | undefined, code: string, field: string): Promise<void> {
    if (!unitId) return;
    if ((await this.store.streamVersion(unitStream(unitId))) > 0) return;
    throw new NotFoundError(code, `No unit with id ${unitId} (${field})`, { field, unitId });
  }
}
