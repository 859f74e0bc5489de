import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotFoundError, findingDecider, findingStream, type FindingCommand, type ExistingFinding } from '@rectify/domain';
import { CLOCK, CommandRunner, type Clock } from '@rectify/workflow';
import { UnitScope, commandContext, type RequestContext } from '../../../application';
import { FINDING_POLICY, type FindingPolicy } from '../../finding-policy';
import { toFindingResponse, type FindingResponse } from '../../finding.response';

type LifecycleCommand = Exclude<FindingCommand, { type: 'RecordFinding' }>;

/** A lifecycle command without its metadata; the handler adds who and when. */
export type FindingChange = {
  [T in LifecycleCommand['type']]: { type: T; data: Omit<Extract<LifecycleCommand, { type: T }>['data'], 'findingId'> };
}[LifecycleCommand['type']];

export class ChangeFindingCommand extends Command<FindingResponse> {
  constructor(
    readonly findingId: string,
    readonly change: FindingChange,
    readonly request: RequestContext,
    readonly reason?: string,
  ) {
    super();
  }
}

/** Every transition after recording: load → unit scope → decide → append (idempotent). */
@CommandHandler(ChangeFindingCommand)
export class ChangeFindingHandler implements ICommandHandler<ChangeFindingCommand, FindingResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FINDING_POLICY) private readonly policy: FindingPolicy,
    private readonly runner: CommandRunner,
    private readonly scope: UnitScope,
  ) {}

  execute({ findingId, change, request, reason }: ChangeFindingCommand): Promise<FindingResponse> {
    const data =
      change.type === 'CloseFinding'
        ? { ...change.data, findingId, selfCertificationAllowed: this.policy.selfCertifyMinorFindings }
        : { ...change.data, findingId };
    const command = { type: change.type, data, metadata: commandContext(request, this.clock, reason) } as LifecycleCommand;
    return this.runner.execute({
      streamId: findingStream(findingId),
      decider: findingDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      authorize: async (state) => {
        if (state.status === 'absent') throw new NotFoundError('FINDING.NOT_FOUND', `No finding with id ${findingId}`, { findingId });
        await this.scope.assertMayActOnUnit(request.actor, state.unitId);
      },
      actorUnitId: (state) => (request.actor.role === 'unit_head' && state.status !== 'absent' ? state.unitId : null),
      respond: (state, outcome) => toFindingResponse(state as ExistingFinding, outcome),
    });
  }
}
