import { assertNever, assertRole, type Command, type Decider, type DomainEvent, type Role } from '../shared';
import type { DatedReason } from './calendar-schedule.types';
import { assertValidOverrides, CalendarOverridesErrorCode } from './calendar-overrides.validation';

/** One stream per year: `calendar-<year>`. */
export const calendarStream = (year: number): string => `calendar-${year}`;

/** Calendars are kept by administrators (and the system, for seeding). */
export const CALENDAR_ADMIN_ROLES: readonly Role[] = ['admin', 'system'];

/** Replaces the year's overrides as a whole (PUT semantics). */
export type SetCalendarOverrides = Command<
  'SetCalendarOverrides',
  { year: number; daysOff: readonly DatedReason[]; workingDays: readonly DatedReason[] }
>;
export type CalendarOverridesCommand = SetCalendarOverrides;

export const CALENDAR_OVERRIDES_SET = 'CalendarOverridesSet';
export type CalendarOverridesSet = DomainEvent<
  typeof CALENDAR_OVERRIDES_SET,
  { year: number; daysOff: DatedReason[]; workingDays: DatedReason[] }
>;
export type CalendarOverridesEvent = CalendarOverridesSet;

export type CalendarOverridesState =
  | { status: 'absent' }
  | { status: 'set'; year: number; daysOff: DatedReason[]; workingDays: DatedReason[]; revision: number };

export const initialCalendarOverridesState = (): CalendarOverridesState => ({ status: 'absent' });

/**
 * Rules: admin or system only (role → data); the overrides must pass calendarOverrideIssues;
 * reasons are trimmed and lists sorted by date; the same overrides again decide nothing.
 */
function decide(command: CalendarOverridesCommand, state: CalendarOverridesState): CalendarOverridesEvent[] {
  switch (command.type) {
    case 'SetCalendarOverrides': {
      const { data, metadata } = command;
      assertRole(metadata.actor, CALENDAR_ADMIN_ROLES, CalendarOverridesErrorCode.FORBIDDEN, 'change the business calendar');
      assertValidOverrides(data.year, data.daysOff, data.workingDays);
      const daysOff = normalise(data.daysOff);
      const workingDays = normalise(data.workingDays);
      const unchanged =
        state.status === 'set' && sameDays(state.daysOff, daysOff) && sameDays(state.workingDays, workingDays);
      const neverSetAndEmpty = state.status === 'absent' && daysOff.length === 0 && workingDays.length === 0;
      if (unchanged || neverSetAndEmpty) return [];
      return [{ type: CALENDAR_OVERRIDES_SET, data: { year: data.year, daysOff, workingDays } }];
    }
    default:
      return assertNever(command.type);
  }
}

function evolve(state: CalendarOverridesState, event: CalendarOverridesEvent): CalendarOverridesState {
  switch (event.type) {
    case CALENDAR_OVERRIDES_SET:
      return {
        status: 'set',
        year: event.data.year,
        daysOff: event.data.daysOff,
        workingDays: event.data.workingDays,
        revision: state.status === 'set' ? state.revision + 1 : 1,
      };
    default:
      return assertNever(event.type);
  }
}

export const calendarOverridesDecider: Decider<CalendarOverridesCommand, CalendarOverridesEvent, CalendarOverridesState> = {
  decide,
  evolve,
  initialState: initialCalendarOverridesState,
};

function normalise(days: readonly DatedReason[]): DatedReason[] {
  return days.map((d) => ({ date: d.date, reason: d.reason.trim() })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

function sameDays(a: readonly DatedReason[], b: readonly DatedReason[]): boolean {
  return a.length === b.length && a.every((d, i) => d.date === b[i].date && d.reason === b[i].reason);
}
