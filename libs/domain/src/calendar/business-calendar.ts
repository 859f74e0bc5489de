/** A calendar date in Vietnam (Asia/Ho_Chi_Minh, UTC+7), formatted YYYY-MM-DD. */
export type IsoDate = string;

/**
 * Working days for deadlines: Monday–Friday minus public holidays, plus the government's
 * announced schedule for public servants (extra days off, swapped working Saturdays).
 * Implementations are pure and deterministic for a given set of rules and overrides.
 */
export interface BusinessCalendar {
  isWorkingDay(date: IsoDate): boolean;
  /**
   * The `days`-th working day after `from` (from itself is not counted), e.g. 5 working
   * days after Thu 19 Jan 2023 is Thu 2 Feb 2023 (Tết 20–26 Jan). days = 0 returns `from`
   * when it is a working day, else the next working day. Negative days count backwards.
   */
  addWorkingDays(from: IsoDate, days: number): IsoDate;
  /** Working days in (from, to]; negative when to is before from. */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
}
