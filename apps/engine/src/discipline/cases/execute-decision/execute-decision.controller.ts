import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { DecisionExecutor, type ExecutionResult } from './decision-executor';

/**
 * Carries out a decided case now, if its execution day has come (after the appeal window).
 * The durable trigger is the decision-execution process (docs/discipline.md); this route lets
 * an administrator run or resume it. Idempotent by construction: every step has its own key.
 */
@ApiTags('cases')
@Controller('cases/:id/execution')
export class ExecuteDecisionController {
  constructor(private readonly executor: DecisionExecutor) {}

  @Post()
  @HttpCode(200)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Carry out (or resume) the decision of a case whose execution day has come' })
  execute(@Param('id', new ParseUUIDPipe()) id: string, @CommandRequest() _request: RequestContext): Promise<ExecutionResult> {
    return this.executor.executeIfDue(id);
  }
}
