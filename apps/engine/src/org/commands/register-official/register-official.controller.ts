import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { OfficialResponse } from '../../official.response';
import { RegisterOfficialCommand } from './register-official.handler';
import { RegisterOfficialRequest } from './register-official.request';

@ApiTags('org')
@Controller('officials')
export class RegisterOfficialController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Register an official in an existing unit (admin)' })
  @ApiCreatedResponse({ type: OfficialResponse })
  register(@Body() body: RegisterOfficialRequest, @CommandRequest() request: RequestContext): Promise<OfficialResponse> {
    return this.commands.execute(new RegisterOfficialCommand(body, request));
  }
}
