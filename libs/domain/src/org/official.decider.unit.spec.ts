import { DeciderSpecification } from '@rectify/testing';
import { ForbiddenError, IllegalTransitionError, NotFoundError, ROLES, ValidationError, type Role } from '../shared';
import type { RegisterOfficial } from './official.commands';
import { officialDecider } from './official.decider';
import { assertOfficialExists } from './official.errors';
import type { OfficialEvent } from './official.events';

const NOW = new Date('2024-01-02T01:00:00Z');
const spec = () => DeciderSpecification.for(officialDecider);
const register = (patch: Partial<RegisterOfficial['data']> = {}, role: Role = 'admin'): RegisterOfficial => ({
  type: 'RegisterOfficial',
  data: { officialId: 'o-1', fullName: 'Nguyễn Văn An', unitId: 'u-1', position: 'Chủ tịch UBND phường', ...patch },
  metadata: { actor: { id: 'a-1', role }, now: NOW },
});
const registered: OfficialEvent = {
  type: 'OfficialRegistered',
  data: { officialId: 'o-1', fullName: 'Nguyễn Văn An', unitId: 'u-1', position: 'Chủ tịch UBND phường', email: null },
};

describe('official decider', () => {
  it('registers an official (email optional, null when absent)', () => {
    spec().given([]).when(register()).then([registered]);
    spec()
      .given([])
      .when(register({ email: ' an.nv@hanoi.gov.vn ' }))
      .thenState({ status: 'active', id: 'o-1', unitId: 'u-1', email: 'an.nv@hanoi.gov.vn' });
  });

  it('refuses to register twice', () => {
    spec().given([registered]).when(register()).thenThrows(IllegalTransitionError, 'OFFICIAL.ALREADY_EXISTS');
  });

  it.each([
    ['an empty name', { fullName: '' }, 'OFFICIAL.INVALID_NAME'],
    ['an empty position', { position: ' ' }, 'OFFICIAL.INVALID_POSITION'],
    ['a malformed email', { email: 'not-an-email' }, 'OFFICIAL.INVALID_EMAIL'],
  ])('rejects %s', (_label, patch, code) => {
    spec().given([]).when(register(patch)).thenThrows(ValidationError, code);
  });

  it.each(ROLES.filter((r) => r !== 'admin' && r !== 'system'))('refuses role %s', (role) => {
    spec().given([]).when(register({}, role)).thenThrows(ForbiddenError, 'OFFICIAL.FORBIDDEN');
  });

  it('assertOfficialExists throws OFFICIAL.NOT_FOUND for an absent official', () => {
    expect(() => assertOfficialExists(officialDecider.initialState(), 'o-9')).toThrow(NotFoundError);
    expect(() => assertOfficialExists(officialDecider.evolve(officialDecider.initialState(), registered), 'o-1')).not.toThrow();
  });
});
