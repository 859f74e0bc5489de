import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { AsOfPipe } from '../../application';
import { InspectionDetailResponse } from '../inspection.response';
import { GetInspectionQuery, ListInspectionsQuery, type InspectionPage } from './inspection-queries';
import { ListInspectionsRequest } from './list-inspections.request';

const READERS = ROLES.filter((r) => r !== 'system');

@ApiTags('inspections')
@ApiBearerAuth()
@Controller('inspections')
@Roles(...READERS)
export class InspectionQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Inspections, most recently started first, filtered by unit, team, kind and status' })
  list(@QueryParams() filter: ListInspectionsRequest): Promise<InspectionPage> {
    return this.queries.execute(new ListInspectionsQuery(filter));
  }

  @Get(':id')
  @ApiOperation({ summary: 'An inspection with its findings, now or as it stood at ?asOf=ISO-8601' })
  @ApiQuery({ name: 'asOf', required: false, example: '2023-02-01T00:00:00+07:00' })
  @ApiOkResponse({ type: InspectionDetailResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string, @QueryParams('asOf', AsOfPipe) asOf?: Date): Promise<InspectionDetailResponse> {
    return this.queries.execute(new GetInspectionQuery(id, asOf));
  }
}
