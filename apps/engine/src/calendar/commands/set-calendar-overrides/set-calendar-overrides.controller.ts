import { Body, Controller, HttpCode, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@rectify/auth';
import { calendarOverrideIssues } from '@rectify/domain';
import { ApiIdempotentCommand, CommandRequest, type RequestContext } from '../../../application';
import { CodedHttpException } from '../../../http/coded-http.exception';
import { CalendarYearPipe } from '../../calendar-params';
import { CalendarYearResponse } from '../../calendar.response';
import { SetCalendarOverridesCommand } from './set-calendar-overrides.handler';
import { SetCalendarOverridesRequest } from './set-calendar-overrides.request';

@ApiTags('calendar')
@Controller('calendar')
export class SetCalendarOverridesController {
  constructor(private readonly commands: CommandBus) {}

  @Put(':year/overrides')
  @HttpCode(200)
  @Roles('admin')
  @ApiIdempotentCommand()
  @ApiOperation({ summary: "Replace a year's overrides: extra days off and working days, each with a reason (admin)" })
  @ApiOkResponse({ type: CalendarYearResponse })
  set(
    @Param('year', CalendarYearPipe) year: number,
    @Body() body: SetCalendarOverridesRequest,
    @CommandRequest() request: RequestContext,
  ): Promise<CalendarYearResponse> {
    // The domain's rules, checked here too so that a bad date is a 400 naming its field.
    const issues = calendarOverrideIssues(year, body.daysOff, body.workingDays);
    if (issues.length > 0) {
      throw new CodedHttpException(400, issues[0].code, 'The overrides are invalid', issues.map(({ field, message }) => ({ field, message })));
    }
    return this.commands.execute(new SetCalendarOverridesCommand(year, body, request));
  }
}
