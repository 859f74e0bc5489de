import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { OpenCaseCommand } from './open-case.handler';
import { OpenCaseRequest } from './open-case.request';

@ApiTags('cases')
@Controller('cases')
export class OpenCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('board_secretary')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Open a disciplinary case manually; the subject is notified and may explain in writing' })
  open(@Body() body: OpenCaseRequest, @CommandRequest() request: RequestContext) {
    return this.commands.execute(new OpenCaseCommand(body, request));
  }
}
