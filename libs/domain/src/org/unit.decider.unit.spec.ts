import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ROLES, ValidationError, type Role } from '../shared';
import type { AppointUnitHead, CreateUnit } from './unit.commands';
import { unitDecider } from './unit.decider';
import { assertUnitExists } from './unit.errors';
import type { UnitEvent } from './unit.events';
import { UNIT_KINDS } from './unit.values';

const NOW = new Date('2024-01-02T01:00:00Z');
const spec = () => DeciderSpecification.for(unitDecider);
const create = (patch: Partial<CreateUnit['data']> = {}, role: Role = 'admin'): CreateUnit => ({
  type: 'CreateUnit',
  data: { unitId: 'u-1', name: 'Phường Tràng Tiền', kind: 'ward', ...patch },
  metadata: { actor: { id: 'a-1', role }, now: NOW },
});
const appoint = (officialId: string, officialUnitId = 'u-1', role: Role = 'admin'): AppointUnitHead => ({
  type: 'AppointUnitHead',
  data: { unitId: 'u-1', officialId, officialUnitId },
  metadata: { actor: { id: 'a-1', role }, now: NOW },
});
const created: UnitEvent = {
  type: 'UnitCreated',
  data: { unitId: 'u-1', name: 'Phường Tràng Tiền', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null },
};
const headed = (officialId: string, previousHeadOfficialId: string | null = null): UnitEvent => ({
  type: 'UnitHeadAppointed',
  data: { unitId: 'u-1', officialId, previousHeadOfficialId },
});

describe('unit decider', () => {
  describe('CreateUnit', () => {
    it('creates a unit with optional fields as null', () => {
      spec().given([]).when(create()).then([created]);
      spec()
        .given([])
        .when(create())
        .thenState({ status: 'active', id: 'u-1', kind: 'ward', headOfficialId: null, parentUnitId: null });
    });

    it('records code, parent and supervising unit, trimmed', () => {
      spec()
        .given([])
        .when(create({ name: ' Sở Nội vụ ', code: ' SNV ', kind: 'department', parentUnitId: 'u-city', supervisingUnitId: 'u-city' }))
        .then([
          {
            type: 'UnitCreated',
            data: { unitId: 'u-1', name: 'Sở Nội vụ', code: 'SNV', kind: 'department', parentUnitId: 'u-city', supervisingUnitId: 'u-city' },
          },
        ]);
    });

    it.each(UNIT_KINDS)('accepts kind %s', (kind) => {
      spec().given([]).when(create({ kind })).thenState({ kind });
    });

    it('refuses to create a unit twice', () => {
      spec().given([created]).when(create()).thenThrows(IllegalTransitionError, 'UNIT.ALREADY_EXISTS');
    });

    it.each([
      ['an empty name', { name: ' ' }, 'UNIT.INVALID_NAME'],
      ['a long name', { name: 'x'.repeat(201) }, 'UNIT.INVALID_NAME'],
      ['an empty code', { code: ' ' }, 'UNIT.INVALID_CODE'],
      ['an unknown kind', { kind: 'village' as never }, 'UNIT.INVALID_KIND'],
      ['itself as parent', { parentUnitId: 'u-1' }, 'UNIT.INVALID_PARENT'],
      ['itself as supervisor', { supervisingUnitId: 'u-1' }, 'UNIT.INVALID_SUPERVISOR'],
    ])('rejects %s', (_label, patch, code) => {
      spec().given([]).when(create(patch)).thenThrows(ValidationError, code);
    });

    it.each(ROLES.filter((r) => r !== 'admin' && r !== 'system'))('refuses role %s', (role) => {
      spec().given([]).when(create({}, role)).thenThrows(ForbiddenError, 'UNIT.FORBIDDEN');
    });

    it('allows the system role (seeding)', () => {
      spec().given([]).when(create({}, 'system')).then([created]);
    });
  });

  describe('AppointUnitHead', () => {
    it('appoints a first head', () => {
      spec().given([created]).when(appoint('o-1')).then([headed('o-1')]);
      spec().given([created]).when(appoint('o-1')).thenState({ headOfficialId: 'o-1' });
    });

    it('replaces the head, naming the previous one', () => {
      spec().given([created, headed('o-1')]).when(appoint('o-2')).then([headed('o-2', 'o-1')]);
      spec().given([created, headed('o-1')]).when(appoint('o-2')).thenState({ headOfficialId: 'o-2' });
    });

    it('refuses a unit that does not exist', () => {
      spec().given([]).when(appoint('o-1')).thenThrows(NotFoundError, 'UNIT.NOT_FOUND');
    });

    it('refuses an official of another unit', () => {
      spec().given([created]).when(appoint('o-1', 'u-2')).thenThrows(IllegalTransitionError, 'UNIT.OFFICIAL_NOT_IN_UNIT');
    });

    it('refuses to appoint the current head again', () => {
      spec().given([created, headed('o-1')]).when(appoint('o-1')).thenThrows(IllegalTransitionError, 'UNIT.ALREADY_HEAD');
    });

    it('refuses a deactivated official (UNIT.HEAD_INACTIVE)', () => {
      const command = appoint('o-1');
      spec()
        .given([created])
        .when({ ...command, data: { ...command.data, officialStatus: 'inactive' } })
        .thenThrows(IllegalTransitionError, 'UNIT.HEAD_INACTIVE');
    });

    it.each(ROLES.filter((r) => r !== 'admin' && r !== 'system'))('refuses role %s', (role) => {
      spec().given([created]).when(appoint('o-1', 'u-1', role)).thenThrows(ForbiddenError, 'UNIT.FORBIDDEN');
    });
  });

  it('assertUnitExists throws UNIT.NOT_FOUND for an absent unit', () => {
    expect(() => assertUnitExists(unitDecider.initialState(), 'u-9')).toThrow(NotFoundError);
    expect(() => assertUnitExists(unitDecider.evolve(unitDecider.initialState(), created), 'u-1')).not.toThrow();
  });
});
