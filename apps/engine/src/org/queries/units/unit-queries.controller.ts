import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { AsOfPipe } from '../../../application';
import { UnitResponse } from '../../unit.response';
import type { Page } from '../page';
import { ListUnitsRequest } from './list-units.request';
import { GetUnitQuery, ListUnitsQuery } from './unit-queries';

const READERS = ROLES.filter((r) => r !== 'system');

@ApiTags('org')
@ApiBearerAuth()
@Controller('units')
@Roles(...READERS)
export class UnitQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Units in registration order, optionally filtered by kind and parent unit' })
  list(@QueryParams() filter: ListUnitsRequest): Promise<Page<UnitResponse>> {
    return this.queries.execute(new ListUnitsQuery(filter));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A unit now, or as it stood at ?asOf=ISO-8601' })
  @ApiQuery({ name: 'asOf', required: false, example: '2023-02-01T00:00:00+07:00' })
  @ApiOkResponse({ type: UnitResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string, @QueryParams('asOf', AsOfPipe) asOf?: Date): Promise<UnitResponse> {
    return this.queries.execute(new GetUnitQuery(id, asOf));
  }
}
