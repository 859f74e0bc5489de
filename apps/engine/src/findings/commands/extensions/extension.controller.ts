import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { FindingResponse } from '../../finding.response';
import { ExtensionCommand } from './extension.handler';
import { DecideExtensionRequest, DelegateFindingRequest, RequestExtensionRequest } from './extension.requests';

/** Deadline extensions (unit head asks, a team lead who is not the requester decides) and delegation. */
@ApiTags('findings')
@Controller('findings/:id')
export class ExtensionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('extension-requests')
  @Roles('unit_head')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'The unit head asks for more working days (answer: the finding and requestId)' })
  request(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RequestExtensionRequest, @CommandRequest() request: RequestContext) {
    return this.commands.execute(new ExtensionCommand(id, { type: 'RequestDeadlineExtension', workingDays: body.workingDays, reason: body.reason }, request));
  }

  @Post('extension-requests/:requestId/decision')
  @HttpCode(200)
  @Roles('team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: "The team lead of the finding's team grants or denies; never the requester" })
  @ApiOkResponse({ type: FindingResponse })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() body: DecideExtensionRequest,
    @CommandRequest() request: RequestContext,
  ) {
    return this.commands.execute(new ExtensionCommand(id, { type: 'DecideDeadlineExtension', requestId, granted: body.granted, reason: body.reason }, request));
  }

  @Post('delegation')
  @HttpCode(200)
  @Roles('team_lead', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Hand the finding to another inspection team; its history stays whole' })
  @ApiOkResponse({ type: FindingResponse })
  delegate(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: DelegateFindingRequest, @CommandRequest() request: RequestContext) {
    return this.commands.execute(new ExtensionCommand(id, { type: 'DelegateFinding', toTeamId: body.toTeamId, reason: body.reason }, request));
  }
}
