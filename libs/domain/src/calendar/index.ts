export * from './business-calendar';
export {
  CALENDAR_MIN_YEAR,
  CALENDAR_MAX_YEAR,
  CalendarDateErrorCode,
  isYearInRange,
  parseIsoDate,
  type CivilDate,
} from './calendar-dates';
export * from './holidays';
export * from './calendar-schedule.types';
export * from './announced-schedules.data';
export { ruleBasedSchedule } from './statutory-holidays';
export * from './calendar-year';
export * from './vietnam-business-calendar';
export * from './calendar-overrides.validation';
export * from './calendar-overrides.decider';
