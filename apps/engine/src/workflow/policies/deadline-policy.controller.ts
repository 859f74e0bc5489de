import { Body, Controller, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { DEADLINE_POLICY_STREAM, ROLES, deadlinePolicyDecider, type DeadlinePolicy, type DeadlinePolicyState } from '@rectify/domain';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { CLOCK, CommandRunner, loadAggregate, type Clock } from '@rectify/workflow';
import { ApiIdempotentCommand, CommandRequest, commandContext, type RequestContext } from '../../application';
import { DeadlinePolicyRequest } from './deadline-policy.request';

const toResponse = (state: DeadlinePolicyState) => ({ revision: state.revision, source: state.status, policy: state.policy });

/**
 * GET/PUT /policies/deadlines. Each PUT is a DeadlinePolicySet event (a new revision); a
 * finding's process snapshots the rules in force when it is recorded, so a change applies
 * to findings recorded afterwards.
 */
@ApiTags('policies')
@Controller('policies/deadlines')
export class DeadlinePolicyController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
  ) {}

  @Get()
  @Roles(...ROLES.filter((r) => r !== 'system'))
  @ApiOperation({ summary: 'The deadline and escalation policy in force (revision 0 = DOMAIN.md defaults)' })
  async get() {
    return toResponse((await loadAggregate(this.store, deadlinePolicyDecider, DEADLINE_POLICY_STREAM)).state);
  }

  @Put()
  @HttpCode(200)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Replace the deadline policy (admin); applies to findings recorded from now on' })
  set(@Body() body: DeadlinePolicyRequest, @CommandRequest() request: RequestContext) {
    const policy = JSON.parse(JSON.stringify(body)) as DeadlinePolicy;
    return this.runner.execute({
      streamId: DEADLINE_POLICY_STREAM,
      decider: deadlinePolicyDecider,
      command: { type: 'SetDeadlinePolicy', data: { policy }, metadata: commandContext(request, this.clock) },
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      respond: (state) => toResponse(state),
    });
  }
}
