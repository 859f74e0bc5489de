import {
  assertNever,
  assertRole,
  hasTextLength,
  isDistinctIdList,
  NotFoundError,
  parseIsoInstant,
  type Decider,
  type Role,
} from '../shared';
import type { ConcludeInspection, InspectionCommand, OpenInspection } from './inspection.commands';
import {
  inspectionConflict,
  InspectionErrorCode,
  inspectionNotFound,
  invalidInspection,
} from './inspection.errors';
import type { InspectionEvent } from './inspection.events';
import { initialInspectionState, type InspectionState } from './inspection.state';
import { INSPECTION_KINDS } from './inspection.values';

export const OPEN_INSPECTION_ROLES: readonly Role[] = ['inspector', 'team_lead', 'admin'];
export const CONCLUDE_INSPECTION_ROLES: readonly Role[] = ['team_lead', 'admin'];

function decide(command: InspectionCommand, state: InspectionState): InspectionEvent[] {
  switch (command.type) {
    case 'OpenInspection':
      return openInspection(command, state);
    case 'ConcludeInspection':
      return concludeInspection(command, state);
    default:
      return assertNever(command);
  }
}

function openInspection({ data, metadata }: OpenInspection, state: InspectionState): InspectionEvent[] {
  assertRole(metadata.actor, OPEN_INSPECTION_ROLES, InspectionErrorCode.FORBIDDEN, 'open inspections');
  if (state.status !== 'absent') {
    throw inspectionConflict(InspectionErrorCode.ALREADY_EXISTS, `Inspection ${data.inspectionId} already exists`, {
      inspectionId: data.inspectionId,
    });
  }
  if (!INSPECTION_KINDS.includes(data.kind)) {
    throw invalidInspection(InspectionErrorCode.INVALID_KIND, `Unknown inspection kind ${String(data.kind)}`);
  }
  const startedAt = parseIsoInstant(data.startedAt);
  if (!startedAt) {
    throw invalidInspection(InspectionErrorCode.INVALID_STARTED_AT, 'startedAt must be an ISO 8601 instant');
  }
  if (startedAt.getTime() > metadata.now.getTime()) {
    throw invalidInspection(InspectionErrorCode.STARTED_IN_FUTURE, 'An inspection cannot start after now', {
      startedAt: startedAt.toISOString(),
      now: metadata.now.toISOString(),
    });
  }
  if (!isDistinctIdList(data.memberIds) || data.memberIds.length === 0) {
    throw invalidInspection(InspectionErrorCode.INVALID_MEMBERS, 'memberIds must be distinct official ids, at least one');
  }
  if (data.unitKind === null) {
    throw new NotFoundError(InspectionErrorCode.UNIT_NOT_FOUND, `Unit ${data.unitId} not found`, { unitId: data.unitId });
  }
  if (data.teamKind === null) {
    throw new NotFoundError(InspectionErrorCode.TEAM_NOT_FOUND, `Team ${data.teamId} not found`, { teamId: data.teamId });
  }
  if (data.teamKind !== 'inspection_team') {
    throw invalidInspection(
      InspectionErrorCode.TEAM_NOT_INSPECTION_TEAM,
      `Unit ${data.teamId} is a ${data.teamKind}, not an inspection team`,
      { teamId: data.teamId, teamKind: data.teamKind },
    );
  }
  return [
    {
      type: 'InspectionOpened',
      data: {
        inspectionId: data.inspectionId,
        kind: data.kind,
        unitId: data.unitId,
        teamId: data.teamId,
        startedAt: startedAt.toISOString(),
        memberIds: [...data.memberIds],
      },
    },
  ];
}

function concludeInspection({ data, metadata }: ConcludeInspection, state: InspectionState): InspectionEvent[] {
  assertRole(metadata.actor, CONCLUDE_INSPECTION_ROLES, InspectionErrorCode.FORBIDDEN, 'conclude inspections');
  switch (state.status) {
    case 'absent':
      throw inspectionNotFound(data.inspectionId);
    case 'concluded':
      throw inspectionConflict(InspectionErrorCode.ALREADY_CONCLUDED, `Inspection ${state.id} is already concluded`, {
        inspectionId: state.id,
      });
    case 'open':
      break;
    default:
      return assertNever(state);
  }
  if (!hasTextLength(data.notice, 1, 20000)) {
    throw invalidInspection(InspectionErrorCode.INVALID_NOTICE, 'The conclusion notice must be 1..20000 characters');
  }
  return [{ type: 'InspectionConcluded', data: { inspectionId: state.id, notice: data.notice.trim() } }];
}

function evolve(state: InspectionState, event: InspectionEvent): InspectionState {
  switch (event.type) {
    case 'InspectionOpened':
      return {
        status: 'open',
        id: event.data.inspectionId,
        kind: event.data.kind,
        unitId: event.data.unitId,
        teamId: event.data.teamId,
        startedAt: event.data.startedAt,
        memberIds: event.data.memberIds,
      };
    case 'InspectionConcluded':
      return state.status === 'absent' ? state : { ...state, status: 'concluded', notice: event.data.notice };
    default:
      return assertNever(event);
  }
}

export const inspectionDecider: Decider<InspectionCommand, InspectionEvent, InspectionState> = {
  decide,
  evolve,
  initialState: initialInspectionState,
};
