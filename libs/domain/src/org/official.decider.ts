import { assertNever, assertRole, hasTextLength, IllegalTransitionError, type Decider } from '../shared';
import type { DeactivateOfficial, OfficialCommand, RegisterOfficial, TransferOfficial } from './official.commands';
import { invalidOfficial, officialAlreadyExists, OfficialErrorCode, officialNotFound } from './official.errors';
import type { OfficialEvent } from './official.events';
import { initialOfficialState, type ActiveOfficial, type OfficialState } from './official.state';
import { ORG_REGISTRY_ROLES } from './registry.roles';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function decide(command: OfficialCommand, state: OfficialState): OfficialEvent[] {
  switch (command.type) {
    case 'RegisterOfficial':
      return registerOfficial(command, state);
    case 'TransferOfficial':
      return transferOfficial(command, state);
    case 'DeactivateOfficial':
      return deactivateOfficial(command, state);
    default:
      return assertNever(command);
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

/** Transfers and deactivations apply to active officials only and always give a reason. */
function activeOfficial(state: OfficialState, officialId: string, reason: string): ActiveOfficial {
  if (state.status === 'absent') throw officialNotFound(officialId);
  if (state.status === 'inactive') {
    throw new IllegalTransitionError(OfficialErrorCode.INACTIVE, `Official ${officialId} is no longer active`, { officialId });
  }
  if (!hasTextLength(reason, 1, 2000)) {
    throw invalidOfficial(OfficialErrorCode.INVALID_REASON, 'A reason of 1..2000 characters is required');
  }
  return state;
}

function transferOfficial({ data, metadata }: TransferOfficial, state: OfficialState): OfficialEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, OfficialErrorCode.FORBIDDEN, 'transfer officials');
  const official = activeOfficial(state, data.officialId, data.reason);
  if (!hasTextLength(data.position, 1, 200)) {
    throw invalidOfficial(OfficialErrorCode.INVALID_POSITION, 'Position must be 1..200 characters');
  }
  const position = data.position.trim();
  if (official.unitId === data.toUnitId && official.position === position) {
    throw new IllegalTransitionError(OfficialErrorCode.ALREADY_THERE, `Official ${official.id} already holds ${position} in that unit`, {
      officialId: official.id,
      unitId: data.toUnitId,
    });
  }
  return [
    {
      type: 'OfficialTransferred',
      data: {
        officialId: official.id,
        fromUnitId: official.unitId,
        toUnitId: data.toUnitId,
        fromPosition: official.position,
        position,
        reason: data.reason.trim(),
      },
    },
  ];
}

function deactivateOfficial({ data, metadata }: DeactivateOfficial, state: OfficialState): OfficialEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, OfficialErrorCode.FORBIDDEN, 'deactivate officials');
  const official = activeOfficial(state, data.officialId, data.reason);
  return [{ type: 'OfficialDeactivated', data: { officialId: official.id, unitId: official.unitId, reason: data.reason.trim() } }];
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
    case 'OfficialTransferred':
      return state.status === 'absent' ? state : { ...state, unitId: event.data.toUnitId, position: event.data.position };
    case 'OfficialDeactivated':
      return state.status === 'absent' ? state : { ...state, status: 'inactive' };
    default:
      return assertNever(event);
  }
}

export const officialDecider: Decider<OfficialCommand, OfficialEvent, OfficialState> = {
  decide,
  evolve,
  initialState: initialOfficialState,
};
