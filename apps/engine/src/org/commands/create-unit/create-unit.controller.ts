import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { UnitResponse } from '../../unit.response';
import { CreateUnitCommand } from './create-unit.handler';
import { CreateUnitRequest } from './create-unit.request';

@ApiTags('org')
@Controller('units')
export class CreateUnitController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Create a unit of the org registry (admin)' })
  @ApiCreatedResponse({ type: UnitResponse })
  create(@Body() body: CreateUnitRequest, @CommandRequest() request: RequestContext): Promise<UnitResponse> {
    return this.commands.execute(new CreateUnitCommand(body, request));
  }
}
