import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { FindingResponse } from '../../finding.response';
import { RecordFindingCommand } from './record-finding.handler';
import { RecordFindingRequest } from './record-finding.request';

@ApiTags('findings')
@Controller('inspections')
export class RecordFindingController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':inspectionId/findings')
  @HttpCode(201)
  @Roles('inspector', 'team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Record a finding on an open inspection (inspector, team lead)' })
  @ApiCreatedResponse({ type: FindingResponse })
  record(
    @Param('inspectionId', new ParseUUIDPipe()) inspectionId: string,
    @Body() body: RecordFindingRequest,
    @CommandRequest() request: RequestContext,
  ): Promise<FindingResponse> {
    return this.commands.execute(new RecordFindingCommand(inspectionId, body, request));
  }
}
