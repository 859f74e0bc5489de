import type { BusinessCalendar } from '@rectify/domain';

/** Where discipline reads working days from: the engine's business calendar (BUSINESS_CALENDAR_SOURCE). */
export const DISCIPLINE_CALENDAR = Symbol('DISCIPLINE_CALENDAR');

export interface DisciplineCalendarSource {
  current(): Promise<BusinessCalendar>;
}
