import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  ValidationError,
  assertInspectionOpenForFindings,
  findingDecider,
  findingStream,
  inspectionDecider,
  inspectionStream,
  officialStream,
  type ExistingFinding,
  type RecordFinding,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, loadAggregate, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toFindingResponse, type FindingResponse } from '../../finding.response';
import type { RecordFindingRequest } from './record-finding.request';

export class RecordFindingCommand extends Command<FindingResponse> {
  constructor(
    readonly inspectionId: string,
    readonly body: RecordFindingRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/** Bounds the memory of knownOfficials (beyond it, further officials are simply looked up each time). */
const MAX_KNOWN_OFFICIALS = 100_000;

/** Records a finding on an open inspection; the finding belongs to the inspected unit. */
@CommandHandler(RecordFindingCommand)
export class RecordFindingHandler implements ICommandHandler<RecordFindingCommand, FindingResponse> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  execute({ inspectionId, body, request }: RecordFindingCommand): Promise<FindingResponse> {
    const findingId = deterministicUuid('finding', request.idempotencyKey);
    let teamId: string | null = null;
    const build = async (): Promise<RecordFinding> => {
      const inspection = await loadAggregate(this.store, inspectionDecider, inspectionStream(inspectionId));
      assertInspectionOpenForFindings(inspection.state, inspectionId);
      teamId = inspection.state.teamId;
      const officials = body.responsibleOfficialIds ?? [];
      await this.assertOfficialsExist(officials);
      return {
        type: 'RecordFinding',
        data: {
          findingId,
          inspectionId,
          unitId: inspection.state.unitId,
          category: body.category,
          severity: body.severity,
          title: body.title,
          description: body.description,
          responsibleOfficialIds: officials,
          evidence: (body.evidence ?? []).map((e) => ({ name: e.name, sha256: e.sha256, ...(e.url ? { url: e.url } : {}), ...(e.size !== undefined ? { size: e.size } : {}), ...(e.mediaType ? { mediaType: e.mediaType } : {}) })),
          observedAt: body.observedAt,
        },
        metadata: commandContext(request, this.clock),
      };
    };
    // The inspection and officials are checked only when the key has no stored answer,
    // so a retry of a recorded finding still gets its 201 after the inspection concluded.
    return this.runner.execute({
      streamId: findingStream(findingId),
      decider: findingDecider,
      command: build,
      request: { actorId: request.actor.id, body: { inspectionId, ...body } },
      idempotencyKey: request.idempotencyKey,
      correlationId: request.correlationId,
      actorUnitId: () => teamId,
      respond: (state, outcome) => toFindingResponse(state as ExistingFinding, outcome),
    });
  }

  /**
   * Officials whose stream has been seen non-empty. Safe to remember without invalidation:
   * events are never deleted (the database refuses it), so a registered official stays
   * registered; only unknown ids are looked up again.
   */
  private readonly knownOfficials = new Set<string>();

  private async assertOfficialsExist(ids: readonly string[]): Promise<void> {
    const unseen = ids.filter((id) => !this.knownOfficials.has(id));
    const versions = await Promise.all(unseen.map((id) => this.store.streamVersion(officialStream(id))));
    unseen.forEach((id, i) => {
      if (versions[i] > 0 && this.knownOfficials.size < MAX_KNOWN_OFFICIALS) this.knownOfficials.add(id);
    });
    const unknown = unseen.filter((_, i) => versions[i] === 0);
    if (unknown.length > 0) {
      throw new ValidationError('FINDING.UNKNOWN_OFFICIAL', `No official with id ${unknown.join(', ')} is registered`, {
        field: 'responsibleOfficialIds',
        unknown,
      });
    }
  }
}
