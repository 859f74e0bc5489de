import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { UnitResponse } from '../../unit.response';
import { AppointUnitHeadCommand } from './appoint-unit-head.handler';
import { AppointUnitHeadRequest } from './appoint-unit-head.request';

@ApiTags('org')
@Controller('units')
export class AppointUnitHeadController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/head')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Appoint an official of the unit as its head (admin)' })
  @ApiOkResponse({ type: UnitResponse })
  appoint(
    @Param('id', new ParseUUIDPipe()) unitId: string,
    @Body() body: AppointUnitHeadRequest,
    @CommandRequest() request: RequestContext,
  ): Promise<UnitResponse> {
    return this.commands.execute(new AppointUnitHeadCommand(unitId, body.officialId, request));
  }
}
