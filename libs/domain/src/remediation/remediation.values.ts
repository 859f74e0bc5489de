import type { IsoDate } from '../calendar/business-calendar';

/** Who a reminder, escalation or referral is addressed to, as the registry stood at that moment. */
export interface Addressee {
  /** null when the unit had no head at that moment (the notification goes to the unit). */
  officialId: string | null;
  unitId: string | null;
  role: 'unit_head' | 'supervising_authority' | 'disciplinary_board';
}

export const REMINDER_KINDS = ['before_due', 'due_day'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ScheduledReminder {
  kind: ReminderKind;
  /** The working day it goes out (08:00 Vietnam time). */
  date: IsoDate;
  at: string;
}

/**
 * The remediation deadline and everything timed from it, computed with the business calendar
 * when the clock (re)starts and recorded in the event, so replays never need the calendar.
 */
export interface RemediationSchedule {
  dueDate: IsoDate;
  /** End of the due day, Vietnam time (ISO instant). */
  dueAt: string;
  /** Future reminders only: a reminder whose moment has passed when scheduling is dropped. */
  reminders: ScheduledReminder[];
  /** When levels 1, 2 and 3 are reached (end of their day). */
  escalationAt: [string, string, string];
}

export const PAUSE_REASONS = ['dispute', 'verification'] as const;
export type PauseReason = (typeof PAUSE_REASONS)[number];

export type EscalationLevel = 0 | 1 | 2 | 3;
