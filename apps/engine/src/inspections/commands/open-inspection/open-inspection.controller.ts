import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { InspectionResponse } from '../../inspection.response';
import { OpenInspectionCommand } from './open-inspection.handler';
import { OpenInspectionRequest } from './open-inspection.request';

@ApiTags('inspections')
@Controller('inspections')
export class OpenInspectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('inspector', 'team_lead')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Open an inspection of a unit by an inspection team (inspector, team lead)' })
  @ApiCreatedResponse({ type: InspectionResponse })
  open(@Body() body: OpenInspectionRequest, @CommandRequest() request: RequestContext): Promise<InspectionResponse> {
    return this.commands.execute(new OpenInspectionCommand(body, request));
  }
}
