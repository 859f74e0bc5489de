import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, ROLES, ValidationError, type Role } from '../shared';
import { calendarOverridesDecider, calendarStream, type CalendarOverridesEvent, type SetCalendarOverrides } from './calendar-overrides.decider';
import { calendarOverrideIssues } from './calendar-overrides.validation';

const NOW = new Date('2024-12-05T02:00:00Z');
const spec = () => DeciderSpecification.for(calendarOverridesDecider);
const set = (patch: Partial<SetCalendarOverrides['data']> = {}, role: Role = 'admin'): SetCalendarOverrides => ({
  type: 'SetCalendarOverrides',
  data: { year: 2025, daysOff: [], workingDays: [], ...patch },
  metadata: { actor: { id: 'admin-1', role }, now: NOW },
});
const overridesSet = (data: Partial<Extract<CalendarOverridesEvent, { type: 'CalendarOverridesSet' }>['data']> = {}): CalendarOverridesEvent => ({
  type: 'CalendarOverridesSet',
  data: { year: 2025, daysOff: [], workingDays: [], ...data },
});
const day = (date: string, reason = 'Thông báo 1234/TB-BNV') => ({ date, reason });

describe('calendar overrides decider (stream calendar-<year>)', () => {
  it('names the stream by year', () => {
    expect(calendarStream(2025)).toBe('calendar-2025');
  });

  it('given no overrides, when an admin sets days off and working days, then CalendarOverridesSet (sorted, trimmed)', () => {
    spec()
      .given([])
      .when(set({ daysOff: [day('2025-12-31'), day('2025-01-02', '  Nghỉ thêm  ')], workingDays: [day('2025-01-11')] }))
      .then([overridesSet({ daysOff: [day('2025-01-02', 'Nghỉ thêm'), day('2025-12-31')], workingDays: [day('2025-01-11')] })]);
  });

  it('replaces the whole set, counting revisions', () => {
    spec()
      .given([overridesSet({ daysOff: [day('2025-01-02')] })])
      .when(set({ workingDays: [day('2025-01-11')] }))
      .thenState({ status: 'set', daysOff: [], workingDays: [day('2025-01-11')], revision: 2 });
  });

  it('decides nothing when the overrides are unchanged, or empty on a year never set', () => {
    spec().given([overridesSet({ daysOff: [day('2025-01-02')] })]).when(set({ daysOff: [day('2025-01-02')] })).then([]);
    spec().given([]).when(set()).then([]);
  });

  it('clears a year by setting empty lists', () => {
    spec().given([overridesSet({ daysOff: [day('2025-01-02')] })]).when(set()).then([overridesSet()]);
  });

  it.each(ROLES.filter((r) => r !== 'admin' && r !== 'system'))('refuses role %s', (role) => {
    spec().given([]).when(set({ daysOff: [day('2025-01-02')] }, role)).thenThrows(ForbiddenError, 'CALENDAR.FORBIDDEN');
  });

  it.each([
    ['a year out of range', { year: 1999 }, 'CALENDAR.YEAR_OUT_OF_RANGE'],
    ['a malformed date', { daysOff: [day('2025-02-30')] }, 'CALENDAR.INVALID_DATE'],
    ['a date in another year', { daysOff: [day('2026-01-01')] }, 'CALENDAR.DATE_OUTSIDE_YEAR'],
    ['a date listed twice', { daysOff: [day('2025-01-02'), day('2025-01-02')] }, 'CALENDAR.DUPLICATE_DATE'],
    ['a date both off and working', { daysOff: [day('2025-01-02')], workingDays: [day('2025-01-02')] }, 'CALENDAR.CONFLICTING_DAY'],
    ['an empty reason', { daysOff: [day('2025-01-02', '  ')] }, 'CALENDAR.INVALID_REASON'],
  ])('rejects %s', (_label, patch, code) => {
    spec().given([]).when(set(patch)).thenThrows(ValidationError, code);
  });

  it('names every bad field', () => {
    expect(
      calendarOverrideIssues(2025, [day('2025-13-01'), { date: '2025-01-02' }], [day('2024-05-04'), day('2025-01-02')]).map((i) => i.field),
    ).toEqual(['daysOff[0].date', 'daysOff[1].reason', 'workingDays[0].date', 'workingDays[1].date']);
    expect(calendarOverrideIssues(2025, 'x', undefined).map((i) => i.code)).toEqual(['CALENDAR.INVALID_LIST', 'CALENDAR.INVALID_LIST']);
  });
});
