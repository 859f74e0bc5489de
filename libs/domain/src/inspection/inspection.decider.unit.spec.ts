import { DeciderSpecification } from '@rectify/testing';
import {
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  ROLES,
  ValidationError,
  type CommandContext,
  type Role,
} from '../shared';
import type { ConcludeInspection, OpenInspection } from './inspection.commands';
import { inspectionDecider } from './inspection.decider';
import type { InspectionEvent } from './inspection.events';
import { assertInspectionOpenForFindings } from './inspection.guards';
import type { InspectionState } from './inspection.state';

const NOW = new Date('2023-01-27T02:00:00.000Z');
const ctx = (role: Role): CommandContext => ({ actor: { id: `${role}-1`, role }, now: NOW });
const spec = () => DeciderSpecification.for(inspectionDecider);

const openData: OpenInspection['data'] = {
  inspectionId: 'i-1',
  kind: 'surprise',
  unitId: 'u-ward',
  teamId: 'u-team',
  startedAt: '2023-01-27T08:00:00+07:00',
  memberIds: ['o-lead', 'o-inspector'],
  unitKind: 'ward',
  teamKind: 'inspection_team',
};
const open = (patch: Partial<OpenInspection['data']> = {}, role: Role = 'inspector'): OpenInspection => ({
  type: 'OpenInspection',
  data: { ...openData, ...patch },
  metadata: ctx(role),
});
const conclude = (role: Role = 'team_lead', notice = 'Notice 12/TB-KTCV: rectify within 15 days'): ConcludeInspection => ({
  type: 'ConcludeInspection',
  data: { inspectionId: 'i-1', notice },
  metadata: ctx(role),
});

const opened: InspectionEvent = {
  type: 'InspectionOpened',
  data: {
    inspectionId: 'i-1',
    kind: 'surprise',
    unitId: 'u-ward',
    teamId: 'u-team',
    startedAt: '2023-01-27T01:00:00.000Z',
    memberIds: ['o-lead', 'o-inspector'],
  },
};
const concluded: InspectionEvent = {
  type: 'InspectionConcluded',
  data: { inspectionId: 'i-1', notice: 'Notice 12/TB-KTCV: rectify within 15 days' },
};

describe('inspection decider', () => {
  describe('OpenInspection', () => {
    it.each<Role>(['inspector', 'team_lead', 'admin'])('opens an inspection when issued by %s', (role) => {
      spec().given([]).when(open({}, role)).then([opened]);
    });

    it('the opened inspection is open with its facts', () => {
      spec()
        .given([])
        .when(open())
        .thenState({
          status: 'open',
          id: 'i-1',
          kind: 'surprise',
          unitId: 'u-ward',
          teamId: 'u-team',
          startedAt: '2023-01-27T01:00:00.000Z',
          memberIds: ['o-lead', 'o-inspector'],
        });
    });

    it.each(['scheduled', 'surprise', 'directed', 'verification', 'internal'] as const)('accepts kind %s', (kind) => {
      spec().given([]).when(open({ kind })).thenState({ status: 'open', kind });
    });

    it.each(ROLES.filter((r) => !['inspector', 'team_lead', 'admin'].includes(r)))('refuses role %s', (role) => {
      spec().given([]).when(open({}, role)).thenThrows(ForbiddenError, 'INSPECTION.FORBIDDEN');
    });

    it.each([
      ['open', [opened]],
      ['concluded', [opened, concluded]],
    ])('refuses to open twice (%s)', (_status, history) => {
      spec().given(history).when(open()).thenThrows(IllegalTransitionError, 'INSPECTION.ALREADY_EXISTS');
    });

    it.each([
      ['an unknown kind', { kind: 'random' as never }, 'INSPECTION.INVALID_KIND'],
      ['a malformed startedAt', { startedAt: '27/01/2023' }, 'INSPECTION.INVALID_STARTED_AT'],
      ['a startedAt after now', { startedAt: '2023-01-27T02:00:01Z' }, 'INSPECTION.STARTED_IN_FUTURE'],
      ['no members', { memberIds: [] }, 'INSPECTION.INVALID_MEMBERS'],
      ['duplicate members', { memberIds: ['o-1', 'o-1'] }, 'INSPECTION.INVALID_MEMBERS'],
      ['a blank member', { memberIds: [' '] }, 'INSPECTION.INVALID_MEMBERS'],
      ['a team that is not an inspection team', { teamKind: 'department' as const }, 'INSPECTION.TEAM_NOT_INSPECTION_TEAM'],
    ])('rejects %s', (_label, patch, code) => {
      spec().given([]).when(open(patch)).thenThrows(ValidationError, code);
    });

    it('accepts a startedAt equal to now', () => {
      spec().given([]).when(open({ startedAt: NOW.toISOString() })).thenState({ startedAt: NOW.toISOString() });
    });

    it('needs the inspected unit and the team to exist', () => {
      spec().given([]).when(open({ unitKind: null })).thenThrows(NotFoundError, 'INSPECTION.UNIT_NOT_FOUND');
      spec().given([]).when(open({ teamKind: null })).thenThrows(NotFoundError, 'INSPECTION.TEAM_NOT_FOUND');
    });
  });

  describe('ConcludeInspection', () => {
    it.each<Role>(['team_lead', 'admin'])('concludes an open inspection when issued by %s', (role) => {
      spec().given([opened]).when(conclude(role)).then([concluded]);
      spec()
        .given([opened])
        .when(conclude(role))
        .thenState({ status: 'concluded', notice: 'Notice 12/TB-KTCV: rectify within 15 days' });
    });

    it.each(ROLES.filter((r) => !['team_lead', 'admin'].includes(r)))('refuses role %s', (role) => {
      spec().given([opened]).when(conclude(role)).thenThrows(ForbiddenError, 'INSPECTION.FORBIDDEN');
    });

    it('refuses an inspection that does not exist', () => {
      spec().given([]).when(conclude()).thenThrows(NotFoundError, 'INSPECTION.NOT_FOUND');
    });

    it('refuses to conclude twice', () => {
      spec().given([opened, concluded]).when(conclude()).thenThrows(IllegalTransitionError, 'INSPECTION.ALREADY_CONCLUDED');
    });

    it('requires a notice', () => {
      spec().given([opened]).when(conclude('team_lead', '  ')).thenThrows(ValidationError, 'INSPECTION.INVALID_NOTICE');
    });
  });

  describe('assertInspectionOpenForFindings', () => {
    const state = (events: InspectionEvent[]): InspectionState =>
      events.reduce(inspectionDecider.evolve, inspectionDecider.initialState());

    it('passes for an open inspection', () => {
      expect(() => assertInspectionOpenForFindings(state([opened]), 'i-1')).not.toThrow();
    });

    it('refuses a missing inspection (404) and a concluded one (409)', () => {
      const missing = captured(() => assertInspectionOpenForFindings(state([]), 'i-1'));
      expect(missing).toBeInstanceOf(NotFoundError);
      expect(missing).toMatchObject({ code: 'INSPECTION.NOT_FOUND', kind: 'not_found' });
      const done = captured(() => assertInspectionOpenForFindings(state([opened, concluded]), 'i-1'));
      expect(done).toBeInstanceOf(IllegalTransitionError);
      expect(done).toMatchObject({ code: 'INSPECTION.CONCLUDED', kind: 'conflict' });
    });
  });
});

function captured(action: () => void): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
