import type { BusinessCalendar } from '@rectify/domain';

/** DI token of the BusinessCalendarSource (global: CalendarModule is @Global). */
export const BUSINESS_CALENDAR_SOURCE = Symbol('BUSINESS_CALENDAR_SOURCE');

/**
 * The calendar in force: shipped announced schedules + every `calendar-<year>` override event.
 * `current()` is cheap (a cached object; at most one catch-up read of the log per refresh
 * interval); an override written through this engine is visible to the next call.
 * Keep the returned calendar for one computation, and ask again for the next.
 */
export interface BusinessCalendarSource {
  current(): Promise<BusinessCalendar>;
}
