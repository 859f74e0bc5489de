import { assertNever, assertRole, hasTextLength, IllegalTransitionError, type Decider } from '../shared';
import type { AppointUnitHead, CreateUnit, UnitCommand, VacateUnitHead } from './unit.commands';
import { invalidUnit, unitAlreadyExists, UnitErrorCode, unitNotFound } from './unit.errors';
import type { UnitEvent } from './unit.events';
import { ORG_REGISTRY_ROLES } from './registry.roles';
import { initialUnitState, type UnitState } from './unit.state';
import { UNIT_KINDS } from './unit.values';


function decide(command: UnitCommand, state: UnitState): UnitEvent[] {
  switch (command.type) {
    case 'CreateUnit':
      return createUnit(command, state);
    case 'AppointUnitHead':
      return appointUnitHead(command, state);
    case 'VacateUnitHead':
      return vacateUnitHead(command, state);
    default:
      return assertNever(command);
  }
}

function createUnit({ data, metadata }: CreateUnit, state: UnitState): UnitEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, UnitErrorCode.FORBIDDEN, 'create units');
  if (state.status !== 'absent') throw unitAlreadyExists(data.unitId);
  if (!hasTextLength(data.name, 1, 200)) {
    throw invalidUnit(UnitErrorCode.INVALID_NAME, 'Unit name must be 1..200 characters');
  }
  const code = data.code == null ? null : data.code.trim();
  if (code !== null && !hasTextLength(code, 1, 50)) {
    throw invalidUnit(UnitErrorCode.INVALID_CODE, 'Unit code must be 1..50 characters when given');
  }
  if (!UNIT_KINDS.includes(data.kind)) {
    throw invalidUnit(UnitErrorCode.INVALID_KIND, `Unknown unit kind ${String(data.kind)}`, { kind: data.kind });
  }
  const parentUnitId = data.parentUnitId ?? null;
  const supervisingUnitId = data.supervisingUnitId ?? null;
  if (parentUnitId === data.unitId) {
    throw invalidUnit(UnitErrorCode.INVALID_PARENT, 'A unit cannot be its own parent');
  }
  if (supervisingUnitId === data.unitId) {
    throw invalidUnit(UnitErrorCode.INVALID_SUPERVISOR, 'A unit cannot supervise itself');
  }
  return [
    {
      type: 'UnitCreated',
      data: { unitId: data.unitId, name: data.name.trim(), code, kind: data.kind, parentUnitId, supervisingUnitId },
    },
  ];
}

function appointUnitHead({ data, metadata }: AppointUnitHead, state: UnitState): UnitEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, UnitErrorCode.FORBIDDEN, 'appoint unit heads');
  if (state.status === 'absent') throw unitNotFound(data.unitId);
  // A deactivated official (forced termination) can never head a unit.
  if (data.officialStatus === 'inactive') {
    throw new IllegalTransitionError(
      UnitErrorCode.HEAD_INACTIVE,
      `Official ${data.officialId} is inactive and cannot be appointed head of unit ${state.id}`,
      { unitId: state.id, officialId: data.officialId },
    );
  }
  if (data.officialUnitId !== state.id) {
    throw new IllegalTransitionError(
      UnitErrorCode.OFFICIAL_NOT_IN_UNIT,
      `Official ${data.officialId} does not belong to unit ${state.id}`,
      { unitId: state.id, officialId: data.officialId, officialUnitId: data.officialUnitId },
    );
  }
  if (state.headOfficialId === data.officialId) {
    throw new IllegalTransitionError(
      UnitErrorCode.ALREADY_HEAD,
      `Official ${data.officialId} already heads unit ${state.id}`,
      { unitId: state.id, officialId: data.officialId },
    );
  }
  return [
    {
      type: 'UnitHeadAppointed',
      data: { unitId: state.id, officialId: data.officialId, previousHeadOfficialId: state.headOfficialId },
    },
  ];
}

/** Only the current head can leave the post; the unit is then headless until an appointment. */
function vacateUnitHead({ data, metadata }: VacateUnitHead, state: UnitState): UnitEvent[] {
  assertRole(metadata.actor, ORG_REGISTRY_ROLES, UnitErrorCode.FORBIDDEN, 'vacate unit heads');
  if (state.status === 'absent') throw unitNotFound(data.unitId);
  if (state.headOfficialId !== data.officialId) {
    throw new IllegalTransitionError(UnitErrorCode.NOT_HEAD, `Official ${data.officialId} does not head unit ${state.id}`, {
      unitId: state.id,
      officialId: data.officialId,
      headOfficialId: state.headOfficialId,
    });
  }
  if (!hasTextLength(data.reason, 1, 2000)) throw invalidUnit(UnitErrorCode.INVALID_REASON, 'A reason of 1..2000 characters is required');
  return [{ type: 'UnitHeadVacated', data: { unitId: state.id, officialId: data.officialId, reason: data.reason.trim() } }];
}

function evolve(state: UnitState, event: UnitEvent): UnitState {
  switch (event.type) {
    case 'UnitCreated':
      return {
        status: 'active',
        id: event.data.unitId,
        name: event.data.name,
        code: event.data.code,
        kind: event.data.kind,
        parentUnitId: event.data.parentUnitId,
        supervisingUnitId: event.data.supervisingUnitId,
        headOfficialId: null,
      };
    case 'UnitHeadAppointed':
      return state.status === 'absent' ? state : { ...state, headOfficialId: event.data.officialId };
    case 'UnitHeadVacated':
      return state.status === 'absent' ? state : { ...state, headOfficialId: null };
    default:
      return assertNever(event);
  }
}

export const unitDecider: Decider<UnitCommand, UnitEvent, UnitState> = {
  decide,
  evolve,
  initialState: initialUnitState,
};
