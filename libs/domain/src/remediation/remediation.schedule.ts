import type { BusinessCalendar, IsoDate } from '../calendar/business-calendar';
import type { RemediationRules } from './deadline-policy';
import type { TimerRequest } from './process-timer';
import { endOfVietnamDay, vietnamMorning } from './remediation-time';
import type { ExistingRemediation } from './remediation.state';
import type { RemediationSchedule, ScheduledReminder } from './remediation.values';

/**
 * The schedule for a due day: reminders N working days before it (0 = on the day) at 08:00,
 * escalation level k at the end of the working day escalationWorkingDaysAfterDue[k-1] after it.
 * Reminders whose moment is not after `now` are dropped (never sent late).
 */
export function scheduleFor(dueDate: IsoDate, rules: RemediationRules, calendar: BusinessCalendar, now: string): RemediationSchedule {
  const reminders: ScheduledReminder[] = rules.reminderWorkingDaysBeforeDue
    .map((before): ScheduledReminder => {
      const date = before === 0 ? dueDate : calendar.addWorkingDays(dueDate, -before);
      return { kind: before === 0 ? 'due_day' : 'before_due', date, at: vietnamMorning(date) };
    })
    .filter((r) => r.at > now);
  const [l1, l2, l3] = rules.escalationWorkingDaysAfterDue.map((after) =>
    endOfVietnamDay(after === 0 ? dueDate : calendar.addWorkingDays(dueDate, after)),
  );
  return { dueDate, dueAt: endOfVietnamDay(dueDate), reminders, escalationAt: [l1, l2, l3] };
}

/** Timer keys: unique per process; they embed the cycle and the due day so a moved deadline gets new timers. */
export const timerKeys = {
  acknowledgement: () => 'acknowledgement',
  reminder: (cycle: number, r: ScheduledReminder) => `c${cycle}:reminder:${r.kind}:${r.date}`,
  overdue: (cycle: number, dueDate: IsoDate) => `c${cycle}:overdue:${dueDate}`,
  escalation: (cycle: number, level: number) => `c${cycle}:escalation:${level}`,
};

/**
 * Timers wanted in this state. Only a running process has timers: acknowledgement (until the
 * unit answers), each future reminder before the deadline passes, the overdue mark, and the
 * next escalation level. Fired keys are never requested again.
 */
export function remediationTimers(state: ExistingRemediation): TimerRequest[] {
  if (state.status !== 'running') return [];
  const { cycle, schedule } = state;
  const wanted: TimerRequest[] = [];
  if (state.acknowledgeBy) wanted.push({ key: timerKeys.acknowledgement(), dueAt: state.acknowledgeBy });
  if (!state.overdue) {
    for (const reminder of schedule.reminders) wanted.push({ key: timerKeys.reminder(cycle, reminder), dueAt: reminder.at });
    wanted.push({ key: timerKeys.overdue(cycle, schedule.dueDate), dueAt: schedule.dueAt });
  }
  if (state.escalationLevel < 3) {
    const level = state.escalationLevel + 1;
    wanted.push({ key: timerKeys.escalation(cycle, level), dueAt: schedule.escalationAt[level - 1] });
  }
  return wanted.filter((t) => !state.firedKeys.includes(t.key));
}
