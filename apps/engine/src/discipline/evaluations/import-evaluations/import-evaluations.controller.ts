import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { CodedHttpException } from '../../../http/coded-http.exception';
import { ImportEvaluationsCommand, type ImportReport } from './import-evaluations.handler';

/** The route that accepts text/csv (see json-only.middleware.ts); its body is parsed by csvBody. */
export const EVALUATION_IMPORT_PATH = 'evaluations/import';

@ApiTags('evaluations')
@Controller(EVALUATION_IMPORT_PATH)
export class ImportEvaluationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('unit_head', 'admin')
  @ApiIdempotentCommand()
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', example: 'officialId,period,rating,note\n00000000-0000-4000-a000-000000000215,2024-05,good,' } })
  @ApiOperation({ summary: 'Import ratings from CSV (officialId,period,rating,note); reports each row as accepted or rejected' })
  import(@Body() body: unknown, @CommandRequest() request: RequestContext): Promise<ImportReport> {
    if (typeof body !== 'string') {
      throw new CodedHttpException(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'The import takes a text/csv body');
    }
    return this.commands.execute(new ImportEvaluationsCommand(body, request));
  }
}
