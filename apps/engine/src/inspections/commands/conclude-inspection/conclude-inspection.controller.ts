import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { InspectionResponse } from '../../inspection.response';
import { ConcludeInspectionCommand } from './conclude-inspection.handler';
import { ConcludeInspectionRequest } from './conclude-inspection.request';

@ApiTags('inspections')
@Controller('inspections')
export class ConcludeInspectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/conclusion')
  @HttpCode(200)
  @Roles('team_lead', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Conclude an open inspection with its conclusion notice (team lead, admin)' })
  @ApiOkResponse({ type: InspectionResponse })
  conclude(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ConcludeInspectionRequest,
    @CommandRequest() request: RequestContext,
  ): Promise<InspectionResponse> {
    return this.commands.execute(new ConcludeInspectionCommand(id, body.notice, request));
  }
}
