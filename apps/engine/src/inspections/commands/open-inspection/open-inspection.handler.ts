import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ValidationError,
  inspectionDecider,
  inspectionStream,
  officialStream,
  unitDecider,
  unitStream,
  type OpenInspection,
  type UnitKind,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, loadAggregate, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toInspectionResponse, type ExistingInspection, type InspectionResponse } from '../../inspection.response';
import type { OpenInspectionRequest } from './open-inspection.request';

export class OpenInspectionCommand extends Command<InspectionResponse> {
  constructor(
    readonly body: OpenInspectionRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Opens an inspection of a unit by an inspection team; members default to the caller. */
@CommandHandler(OpenInspectionCommand)
export class OpenInspectionHandler implements ICommandHandler<OpenInspectionCommand, InspectionResponse> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  async execute({ body, request }: OpenInspectionCommand): Promise<InspectionResponse> {
    const inspectionId = deterministicUuid('inspection', request.idempotencyKey);
    const memberIds = body.memberIds ?? [request.actor.id];
    const [unitKind, teamKind] = await Promise.all([this.unitKind(body.unitId), this.unitKind(body.teamId)]);
    const command: OpenInspection = {
      type: 'OpenInspection',
      data: {
        inspectionId,
        kind: body.kind,
        unitId: body.unitId,
        teamId: body.teamId,
        startedAt: body.startedAt,
        memberIds,
        unitKind,
        teamKind,
      },
      metadata: commandContext(request, this.clock),
    };
    return this.runner.execute({
      streamId: inspectionStream(inspectionId),
      decider: inspectionDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      correlationId: request.correlationId,
      actorUnitId: body.teamId,
      authorize: () => this.assertMembersRegistered(memberIds),
      respond: (state, outcome) => toInspectionResponse(state as ExistingInspection, outcome),
    });
  }

  private async unitKind(unitId: string): Promise<UnitKind | null> {
    const { state } = await loadAggregate(this.store, unitDecider, unitStream(unitId));
    return state.status === 'active' ? state.kind : null;
  }

  private async assertMembersRegistered(ids: readonly string[]): Promise<void> {
    const versions = await Promise.all(ids.map((id) => this.store.streamVersion(officialStream(id))));
    const unknown = ids.filter((_, i) => versions[i] === 0);
    if (unknown.length > 0) {
      throw new ValidationError('INSPECTION.UNKNOWN_MEMBER', `No official with id ${unknown.join(', ')} is registered`, {
        field: 'memberIds',
        unknown,
      });
    }
  }
}
