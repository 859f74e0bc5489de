import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EventSourcedCalendarSource } from '../event-sourced-calendar-source';
import { asQueryError, type WorkingDaysQuery } from '../calendar-params';
import { toCalendarYearResponse, type CalendarYearResponse, type WorkingDaysResponse } from '../calendar.response';

export class GetCalendarYearQuery extends Query<CalendarYearResponse> {
  constructor(readonly year: number) {
    super();
  }
}

export class ComputeWorkingDaysQuery extends Query<WorkingDaysResponse> {
  constructor(readonly query: WorkingDaysQuery) {
    super();
  }
}

/** A year of the calendar in force: holidays and days off with names and sources, working Saturdays, counts. */
@QueryHandler(GetCalendarYearQuery)
export class GetCalendarYearHandler implements IQueryHandler<GetCalendarYearQuery, CalendarYearResponse> {
  constructor(private readonly source: EventSourcedCalendarSource) {}

  async execute({ year }: GetCalendarYearQuery): Promise<CalendarYearResponse> {
    const calendar = await this.source.current();
    return toCalendarYearResponse(calendar.describeYear(year), calendar.overridesFor(year));
  }
}

/** addWorkingDays (?days) or workingDaysBetween (?to) on the calendar in force. */
@QueryHandler(ComputeWorkingDaysQuery)
export class ComputeWorkingDaysHandler implements IQueryHandler<ComputeWorkingDaysQuery, WorkingDaysResponse> {
  constructor(private readonly source: EventSourcedCalendarSource) {}

  async execute({ query }: ComputeWorkingDaysQuery): Promise<WorkingDaysResponse> {
    const calendar = await this.source.current();
    try {
      if ('days' in query) return { from: query.from, days: query.days, date: calendar.addWorkingDays(query.from, query.days) };
      return { from: query.from, to: query.to, workingDays: calendar.workingDaysBetween(query.from, query.to) };
    } catch (error) {
      throw asQueryError(error, 'days' in query ? 'days' : 'to');
    }
  }
}
