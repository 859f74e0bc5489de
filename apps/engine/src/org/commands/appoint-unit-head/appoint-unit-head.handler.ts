import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  assertOfficialExists,
  officialDecider,
  officialStream,
  unitDecider,
  unitNotFound,
  unitStream,
  type ActiveUnit,
  type AppointUnitHead,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, loadAggregate, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toUnitResponse, type UnitResponse } from '../../unit.response';

export class AppointUnitHeadCommand extends Command<UnitResponse> {
  constructor(
    readonly unitId: string,
    readonly officialId: string,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Appoints an official of the unit as its head (for an inspection team: its team lead). */
@CommandHandler(AppointUnitHeadCommand)
export class AppointUnitHeadHandler implements ICommandHandler<AppointUnitHeadCommand, UnitResponse> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  async execute({ unitId, officialId, request }: AppointUnitHeadCommand): Promise<UnitResponse> {
    const official = await loadAggregate(this.store, officialDecider, officialStream(officialId));
    const command: AppointUnitHead = {
      type: 'AppointUnitHead',
      data: {
        unitId,
        officialId,
        // The decider compares it with the unit; an unknown official is refused in authorize below.
        officialUnitId: official.state.status === 'absent' ? '' : official.state.unitId,
        officialStatus: official.state.status === 'inactive' ? 'inactive' : 'active',
      },
      metadata: commandContext(request, this.clock),
    };
    return this.runner.execute({
      streamId: unitStream(unitId),
      decider: unitDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      actorUnitId: null,
      authorize: (state) => {
        if (state.status === 'absent') throw unitNotFound(unitId);
        assertOfficialExists(official.state, officialId);
      },
      respond: (state, outcome) => toUnitResponse(state as ActiveUnit, outcome),
    });
  }
}
