import { Controller, Get, Param, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { ROLES } from '@rectify/domain';
import { CalendarYearPipe, parseWorkingDaysQuery } from '../calendar-params';
import { CalendarYearResponse, WorkingDaysResponse } from '../calendar.response';
import { ComputeWorkingDaysQuery, GetCalendarYearQuery } from './calendar-queries';

const READERS = ROLES.filter((r) => r !== 'system');

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('calendar')
@Roles(...READERS)
export class CalendarQueriesController {
  constructor(private readonly queries: QueryBus) {}

  // Declared before `:year` so that Express does not read "working-days" as a year.
  @Get('working-days')
  @ApiOperation({ summary: 'The N-th working day after a date (?from&days), or working days in (from, to] (?from&to)' })
  @ApiQuery({ name: 'from', example: '2023-01-19' })
  @ApiQuery({ name: 'days', required: false, example: 5 })
  @ApiQuery({ name: 'to', required: false, example: '2023-02-02' })
  @ApiOkResponse({ type: WorkingDaysResponse })
  workingDays(@QueryParams() query: Record<string, unknown>): Promise<WorkingDaysResponse> {
    return this.queries.execute(new ComputeWorkingDaysQuery(parseWorkingDaysQuery(query)));
  }

  @Get(':year')
  @ApiOperation({ summary: 'A year: holidays and days off (vi/en, source), swapped working Saturdays, working days per month' })
  @ApiOkResponse({ type: CalendarYearResponse })
  year(@Param('year', CalendarYearPipe) year: number): Promise<CalendarYearResponse> {
    return this.queries.execute(new GetCalendarYearQuery(year));
  }
}
