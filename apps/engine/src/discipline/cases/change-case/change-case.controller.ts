import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import type { CaseResponse } from '../../case.response';
import { ChangeCaseCommand, type CaseChange } from './change-case.handler';
import { AppealRequest, DecisionRequest, ExplanationRequest, RecordHearingRequest, ScheduleHearingRequest, VoteRequest } from './change-case.requests';

/**
 * The case after opening. Explanation and appeal are open to any signed-in role: the domain
 * lets only the subject act (403 CASE.NOT_THE_SUBJECT). Votes: board members, never the
 * subject or the subject's unit head (403), once (409).
 */
@ApiTags('cases')
@Controller('cases/:id')
export class ChangeCaseController {
  constructor(private readonly commands: CommandBus) {}

  private change(id: string, change: CaseChange, request: RequestContext): Promise<CaseResponse> {
    return this.commands.execute(new ChangeCaseCommand(id, change, request));
  }

  @Post('explanation')
  @HttpCode(200)
  @ApiIdempotentCommand()
  @ApiOperation({ summary: "The subject's written explanation, by the policy deadline (working days)" })
  explain(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ExplanationRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'SubmitExplanation', body }, request);
  }

  @Post('hearing')
  @HttpCode(200)
  @Roles('board_secretary', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Schedule (or reschedule) the hearing' })
  schedule(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ScheduleHearingRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'ScheduleHearing', body }, request);
  }

  @Post('hearing-record')
  @HttpCode(200)
  @Roles('board_secretary', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Record the hearing held: attendees and minutes' })
  recordHearing(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordHearingRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'RecordHearing', body }, request);
  }

  @Post('votes')
  @HttpCode(200)
  @Roles('board_member')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'A board member votes for a decision kind' })
  vote(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: VoteRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'CastVote', body }, request);
  }

  @Post('decision')
  @HttpCode(200)
  @Roles('board_secretary', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Record the decision (needs quorum and majority); the appeal window opens' })
  decide(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DecisionRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'RecordDecision', body }, request);
  }

  @Post('appeal')
  @HttpCode(200)
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The subject appeals within the window; the case reopens' })
  appeal(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: AppealRequest, @CommandRequest() request: RequestContext) {
    return this.change(id, { type: 'FileAppeal', body }, request);
  }
}
