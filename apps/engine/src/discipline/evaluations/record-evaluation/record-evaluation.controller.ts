import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { RecordEvaluationCommand } from './record-evaluation.handler';
import { CorrectEvaluationRequest, RecordEvaluationRequest } from './record-evaluation.request';

/** Ratings are entered by the unit (its head) or an administrator; one per period, corrections explicit. */
@ApiTags('evaluations')
@Controller('officials/:id/evaluations')
export class RecordEvaluationController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Record a monthly (YYYY-MM) or annual (YYYY) rating of an official' })
  record(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RecordEvaluationRequest, @CommandRequest() request: RequestContext) {
    return this.commands.execute(new RecordEvaluationCommand({ officialId: id, period: body.period, rating: body.rating, note: body.note ?? '' }, request));
  }

  @Post(':period/correction')
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: 'Correct a recorded rating, with a reason' })
  correct(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('period') period: string,
    @Body() body: CorrectEvaluationRequest,
    @CommandRequest() request: RequestContext,
  ) {
    return this.commands.execute(
      new RecordEvaluationCommand({ officialId: id, period, rating: body.rating, note: body.note ?? '', reason: body.reason }, request),
    );
  }
}
