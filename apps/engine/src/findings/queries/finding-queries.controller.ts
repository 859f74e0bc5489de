import { Controller, Get, Param, ParseUUIDPipe, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import type { RecordedEvent } from '@rectify/event-store';
import { AsOfPipe } from '../../application';
import { FindingResponse } from '../finding.response';
import { GetFindingEventsQuery, GetFindingQuery, ListFindingsQuery, type FindingPage } from './finding-queries';
import { ListFindingsRequest } from './list-findings.request';

const READERS = ROLES.filter((r) => r !== 'system');

@ApiTags('findings')
@ApiBearerAuth()
@Controller('findings')
@Roles(...READERS)
export class FindingQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Findings, newest first, filtered by unit, inspection, status and severity' })
  list(@QueryParams() filter: ListFindingsRequest): Promise<FindingPage> {
    return this.queries.execute(new ListFindingsQuery(filter));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A finding now, or as it stood at ?asOf=ISO-8601' })
  @ApiQuery({ name: 'asOf', required: false, example: '2023-02-01T00:00:00+07:00' })
  @ApiOkResponse({ type: FindingResponse })
  get(@Param('id', new ParseUUIDPipe()) id: string, @QueryParams('asOf', AsOfPipe) asOf?: Date): Promise<FindingResponse> {
    return this.queries.execute(new GetFindingQuery(id, asOf));
  }

  @Get(':id/events')
  @ApiOperation({ summary: "The finding's stored events with metadata (who, role, when, why), optionally ?until=ISO-8601" })
  @ApiQuery({ name: 'until', required: false })
  async events(@Param('id', new ParseUUIDPipe()) id: string, @QueryParams('until', AsOfPipe) until?: Date) {
    const events: RecordedEvent[] = await this.queries.execute(new GetFindingEventsQuery(id, until));
    return events.map(toEventResponse);
  }
}

/** JSON shape of a stored event (bigint positions as strings). */
export function toEventResponse(event: RecordedEvent) {
  return {
    id: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    streamId: event.streamId,
    version: event.version,
    globalPosition: event.globalPosition.toString(),
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
