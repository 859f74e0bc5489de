import type { BusinessCalendar } from '../calendar';
import type { DisciplinePolicy } from './discipline.policy';

/** The last day for the subject's written explanation: policy working days after `today`. */
export const explanationDueDate = (calendar: BusinessCalendar, today: string, policy: DisciplinePolicy): string =>
  calendar.addWorkingDays(today, policy.explanationWorkingDays);

/** The last day of the appeal window: policy working days after the decision day. */
export const appealDeadline = (calendar: BusinessCalendar, decidedOn: string, policy: DisciplinePolicy): string =>
  calendar.addWorkingDays(decidedOn, policy.appealWindowWorkingDays);
