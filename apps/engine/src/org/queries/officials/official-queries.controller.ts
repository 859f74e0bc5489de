import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
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
  @ApiOperation({ summary: 'An official' })
  @ApiOkResponse({ type: OfficialResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<OfficialResponse> {
    return this.queries.execute(new GetOfficialQuery(id));
  }
}
