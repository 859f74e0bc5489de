import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  DEADLINE_POLICY_STREAM,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  deadlinePolicyDecider,
  findingDecider,
  findingStream,
  inspectionDecider,
  inspectionStream,
  unitDecider,
  unitStream,
  type ExistingFinding,
  type FindingCommand,
  type FindingState,
} from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, deterministicUuid, loadAggregate, type Clock } from '@rectify/workflow';
import { UnitScope, commandContext, type RequestContext } from '../../../application';
import { toFindingResponse, type FindingResponse } from '../../finding.response';
import { loadFindingWorkflow } from '../../finding-workflow';

export type ExtensionChange =
  | { type: 'RequestDeadlineExtension'; workingDays: number; reason: string }
  | { type: 'DecideDeadlineExtension'; requestId: string; granted: boolean; reason: string }
  | { type: 'DelegateFinding'; toTeamId: string; reason: string };

export class ExtensionCommand extends Command<FindingResponse & { requestId?: string }> {
  constructor(
    readonly findingId: string,
    readonly change: ExtensionChange,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/**
 * Extensions and delegation. Scope: a unit head requests only for units they head; a team
 * lead decides or delegates only findings of the team they lead (the delegated team, else the
 * inspection's). The cap and the largest extension come from the rules the finding's process
 * started with (the policy in force now, before it started).
 */
@CommandHandler(ExtensionCommand)
export class ExtensionHandler implements ICommandHandler<ExtensionCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
    private readonly scope: UnitScope,
  ) {}

  execute({ findingId, change, request }: ExtensionCommand): Promise<FindingResponse & { requestId?: string }> {
    const requestId = change.type === 'RequestDeadlineExtension' ? deterministicUuid('extension-request', request.idempotencyKey) : undefined;
    const build = async (): Promise<FindingCommand> => {
      const metadata = commandContext(request, this.clock, change.reason);
      if (change.type === 'RequestDeadlineExtension') {
        const limits = await this.extensionLimits(findingId);
        return { type: change.type, data: { findingId, requestId: requestId!, workingDays: change.workingDays, reason: change.reason, ...limits }, metadata };
      }
      if (change.type === 'DecideDeadlineExtension') {
        return { type: change.type, data: { findingId, requestId: change.requestId, granted: change.granted, reason: change.reason }, metadata };
      }
      await this.assertInspectionTeam(change.toTeamId);
      return { type: change.type, data: { findingId, fromTeamId: await this.currentTeam(findingId), toTeamId: change.toTeamId, reason: change.reason }, metadata };
    };
    return this.runner.execute({
      streamId: findingStream(findingId),
      decider: findingDecider,
      command: build,
      request: { actorId: request.actor.id, body: { findingId, ...change } },
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      authorize: (state) => this.authorize(findingId, state, request),
      actorUnitId: (state) => (request.actor.role === 'unit_head' && state.status !== 'absent' ? state.unitId : null),
      respond: (state, outcome) => ({ ...toFindingResponse(state as ExistingFinding, outcome), ...(requestId ? { requestId } : {}) }),
    });
  }

  private async authorize(findingId: string, state: FindingState, request: RequestContext): Promise<void> {
    if (state.status === 'absent') throw new NotFoundError('FINDING.NOT_FOUND', `No finding with id ${findingId}`, { findingId });
    await this.scope.assertMayActOnUnit(request.actor, state.unitId);
    if (request.actor.role !== 'team_lead') return;
    const team = state.delegatedToTeamId ?? (await this.currentTeam(findingId));
    const unit = team ? (await loadAggregate(this.store, unitDecider, unitStream(team))).state : null;
    if (!unit || unit.status === 'absent' || unit.headOfficialId !== request.actor.id) {
      throw new ForbiddenError('AUTH.NOT_TEAM_LEAD_OF_FINDING', `Only the lead of the finding's inspection team (${team}) may do this`, { teamId: team });
    }
  }

  /** The finding's team: the delegated team, else its inspection's team. */
  private async currentTeam(findingId: string): Promise<string | null> {
    const finding = (await loadAggregate(this.store, findingDecider, findingStream(findingId))).state;
    if (finding.status === 'absent') return null;
    if (finding.delegatedToTeamId) return finding.delegatedToTeamId;
    const inspection = (await loadAggregate(this.store, inspectionDecider, inspectionStream(finding.inspectionId))).state;
    return inspection.status === 'absent' ? null : inspection.teamId;
  }

  private async assertInspectionTeam(teamId: string): Promise<void> {
    const unit = (await loadAggregate(this.store, unitDecider, unitStream(teamId))).state;
    if (unit.status === 'absent') throw new NotFoundError('UNIT.NOT_FOUND', `No unit with id ${teamId}`, { field: 'toTeamId', unitId: teamId });
    if (unit.kind !== 'inspection_team') {
      throw new ValidationError('FINDING.NOT_AN_INSPECTION_TEAM', `Unit ${teamId} is a ${unit.kind}, not an inspection team`, { field: 'toTeamId' });
    }
  }

  private async extensionLimits(findingId: string): Promise<{ maxExtensions: number; maxWorkingDays: number }> {
    const process = await loadFindingWorkflow(this.store, findingId);
    if (process.status !== 'absent') return { maxExtensions: process.rules.maxExtensionsPerFinding, maxWorkingDays: process.rules.maxExtensionWorkingDays };
    const policy = (await loadAggregate(this.store, deadlinePolicyDecider, DEADLINE_POLICY_STREAM)).state.policy;
    return { maxExtensions: policy.maxExtensionsPerFinding, maxWorkingDays: policy.maxExtensionWorkingDays };
  }
}
