import { Global, Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@rectify/event-store';
import { BUSINESS_CALENDAR_SOURCE } from './calendar.tokens';
import { EventSourcedCalendarSource } from './event-sourced-calendar-source';
import { SetCalendarOverridesController } from './commands/set-calendar-overrides/set-calendar-overrides.controller';
import { SetCalendarOverridesHandler } from './commands/set-calendar-overrides/set-calendar-overrides.handler';
import { CalendarQueriesController } from './queries/calendar-queries.controller';
import { ComputeWorkingDaysHandler, GetCalendarYearHandler } from './queries/calendar-queries';

/**
 * The business calendar: GET /calendar/:year, GET /calendar/working-days, PUT
 * /calendar/:year/overrides (admin). Global, so that any module can inject
 * BUSINESS_CALENDAR_SOURCE without importing this one.
 */
@Global()
@Module({
  controllers: [CalendarQueriesController, SetCalendarOverridesController],
  providers: [
    { provide: EventSourcedCalendarSource, inject: [EVENT_STORE], useFactory: (store: EventStore) => new EventSourcedCalendarSource(store) },
    { provide: BUSINESS_CALENDAR_SOURCE, useExisting: EventSourcedCalendarSource },
    GetCalendarYearHandler,
    ComputeWorkingDaysHandler,
    SetCalendarOverridesHandler,
  ],
  exports: [BUSINESS_CALENDAR_SOURCE, EventSourcedCalendarSource],
})
export class CalendarModule {}
