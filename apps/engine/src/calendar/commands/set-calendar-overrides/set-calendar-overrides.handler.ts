import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  calendarOverridesDecider,
  calendarStream,
  createBusinessCalendar,
  type CalendarOverridesState,
  type SetCalendarOverrides,
} from '@rectify/domain';
import { CLOCK, CommandRunner, type Clock } from '@rectify/workflow';
import { commandContext, type RequestContext } from '../../../application';
import { toCalendarYearResponse, type CalendarYearResponse } from '../../calendar.response';
import { EventSourcedCalendarSource } from '../../event-sourced-calendar-source';
import type { SetCalendarOverridesRequest } from './set-calendar-overrides.request';

export class SetCalendarOverridesCommand extends Command<CalendarYearResponse> {
  constructor(
    readonly year: number,
    readonly body: SetCalendarOverridesRequest,
    readonly request: RequestContext,
  ) {
    super();
  }
}

/**
 * Replaces a year's overrides (stream `calendar-<year>`) and answers with the year as it now
 * stands; the calendar source serves the new overrides from the next call on.
 */
@CommandHandler(SetCalendarOverridesCommand)
export class SetCalendarOverridesHandler implements ICommandHandler<SetCalendarOverridesCommand, CalendarYearResponse> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly runner: CommandRunner,
    private readonly source: EventSourcedCalendarSource,
  ) {}

  async execute({ year, body, request }: SetCalendarOverridesCommand): Promise<CalendarYearResponse> {
    const command: SetCalendarOverrides = {
      type: 'SetCalendarOverrides',
      data: {
        year,
        daysOff: body.daysOff.map(({ date, reason }) => ({ date, reason })),
        workingDays: body.workingDays.map(({ date, reason }) => ({ date, reason })),
      },
      metadata: commandContext(request, this.clock),
    };
    const response = await this.runner.execute({
      streamId: calendarStream(year),
      decider: calendarOverridesDecider,
      command,
      idempotencyKey: request.idempotencyKey,
      expectedVersion: request.expectedVersion,
      correlationId: request.correlationId,
      respond: (state) => yearResponse(year, state),
    });
    await this.source.refreshYear(year);
    return response;
  }
}

/** The year with exactly these overrides: years do not affect each other, so no other override is needed. */
function yearResponse(year: number, state: CalendarOverridesState): CalendarYearResponse {
  const overrides = state.status === 'set' ? [{ year, daysOff: state.daysOff, workingDays: state.workingDays }] : [];
  const calendar = createBusinessCalendar({ overrides });
  return toCalendarYearResponse(calendar.describeYear(year), calendar.overridesFor(year));
}
