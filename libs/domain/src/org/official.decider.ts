import { assertNever, assertRole, hasTextLength, type Decider } from '../shared';
import type { OfficialCommand, RegisterOfficial } from './official.commands';
import { invalidOfficial, officialAlreadyExists, OfficialErrorCode } from './official.errors';
import type { OfficialEvent } from './official.events';
import { initialOfficialState, type OfficialState } from './official.state';
import { ORG_REGISTRY_ROLES } from './registry.roles';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function decide(command: OfficialCommand, state: OfficialState): OfficialEvent[] {
  switch (command.type) {
    case 'RegisterOfficial':
      return registerOfficial(command, state);
    default:
      return assertNever(command.type);
  }
}

function registerOfficial({ data, metadata }: RegisterOfficial, state: OfficialState): OfficialEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, OfficialErrorCode.FORBIDDEN, 'register officials');
  if (state.status !== 'absent') throw officialAlreadyExists(data.officialId);
  if (!hasTextLength(data.fullName, 1, 200)) {
    throw invalidOfficial(OfficialErrorCode.INVALID_NAME, 'Full name must be 1..200 characters');
  }
  if (!hasTextLength(data.position, 1, 200)) {
    throw invalidOfficial(OfficialErrorCode.INVALID_POSITION, 'Position must be 1..200 characters');
  }
  const email = data.email == null || data.email.trim() === '' ? null : data.email.trim();
  if (email !== null && (email.length > 254 || !EMAIL.test(email))) {
    throw invalidOfficial(OfficialErrorCode.INVALID_EMAIL, 'Email is not a valid address');
  }
  return [
    {
      type: 'OfficialRegistered',
      data: {
        officialId: data.officialId,
        fullName: data.fullName.trim(),
        unitId: data.unitId,
        position: data.position.trim(),
        email,
      },
    },
  ];
}

function evolve(state: OfficialState, event: OfficialEvent): OfficialState {
  switch (event.type) {
    case 'OfficialRegistered':
      return {
        status: 'active',
        id: event.data.officialId,
        fullName: event.data.fullName,
        unitId: event.data.unitId,
        position: event.data.position,
        email: event.data.email,
      };
    default:
      return assertNever(event.type);
  }
}

export const officialDecider: Decider<OfficialCommand, OfficialEvent, OfficialState> = {
  decide,
  evolve,
  initialState: initialOfficialState,
};
