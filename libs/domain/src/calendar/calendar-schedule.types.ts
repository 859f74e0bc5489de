import type { IsoDate } from './business-calendar';
import type { HolidayId } from './holidays';

/**
 * How a weekday becomes a day off: the holiday itself, a compensatory day for a holiday that
 * fell on a weekend (Labour Code Art. 111(3)), or a working day swapped with a Saturday
 * (hoán đổi ngày làm việc) by the government's announcement.
 */
export type ScheduledDayOffKind = 'holiday' | 'compensatory' | 'swapped';

export interface ScheduledDayOff {
  date: IsoDate;
  holiday: HolidayId;
  kind: ScheduledDayOffKind;
  /** The decision or notice this day comes from (or the statute, for days computed by rule). */
  source: string;
}

/** A weekend day worked in exchange for a swapped day off (ngày làm bù). */
export interface ScheduledWorkingDay {
  date: IsoDate;
  /** The day off it pays for. */
  inLieuOf: IsoDate;
  holiday: HolidayId;
  source: string;
}

/**
 * One year's announced schedule for public servants (cán bộ, công chức, viên chức): every
 * holiday (weekend ones too), every compensatory and swapped day off, every working Saturday.
 * Shipped schedules are complete: for their year they replace the rules.
 */
export interface AnnouncedSchedule {
  year: number;
  /** The documents, each once, as cited by the entries. */
  sources: readonly string[];
  daysOff: readonly ScheduledDayOff[];
  workingDays: readonly ScheduledWorkingDay[];
}

/** A date an administrator sets, with why. */
export interface DatedReason {
  date: IsoDate;
  reason: string;
}

/** An administrator's overrides for one year: merged on top of the schedule or the rules. */
export interface CalendarOverrides {
  year: number;
  daysOff: readonly DatedReason[];
  workingDays: readonly DatedReason[];
}
