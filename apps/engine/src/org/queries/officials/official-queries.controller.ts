import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { AsOfPipe } from '../../../application';
import { OfficialResponse } from '../../official.response';
import type { Page } from '../page';
import { ListOfficialsRequest } from './list-officials.request';
import { GetOfficialQuery, ListOfficialsQuery } from './official-queries';

const READERS = ROLES.filter((r) => r !== 'system');

@ApiTags('org')
@ApiBearerAuth()
@Controller('officials')
@Roles(...READERS)
export class OfficialQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Officials in registration order, optionally of one unit (?unitId=)' })
  list(@QueryParams() filter: ListOfficialsRequest): Promise<Page<OfficialResponse>> {
    return this.queries.execute(new ListOfficialsQuery(filter));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An official now, or as it stood at ?asOf=ISO-8601' })
  @ApiQuery({ name: 'asOf', required: false, example: '2023-02-01T00:00:00+07:00' })
  @ApiOkResponse({ type: OfficialResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string, @QueryParams('asOf', AsOfPipe) asOf?: Date): Promise<OfficialResponse> {
    return this.queries.execute(new GetOfficialQuery(id, asOf));
  }
}
