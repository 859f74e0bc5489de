import type { Command } from '../shared';
import type { UnitKind } from '../org/unit.values';
import type { InspectionKind } from './inspection.values';

/**
 * Cross-aggregate facts are explicit inputs loaded by the handler from the unit streams:
 * `unitKind` / `teamKind` are the kinds of `unitId` / `teamId`, or null when that unit
 * does not exist.
 */
export type OpenInspection = Command<
  'OpenInspection',
  {
    inspectionId: string;
    kind: InspectionKind;
    /** The inspected unit. */
    unitId: string;
    /** The inspecting team: a unit of kind inspection_team. */
    teamId: string;
    /** ISO 8601 instant with offset; not after metadata.now. */
    startedAt: string;
    /** Official ids of the team members on this inspection (at least one, distinct). */
    memberIds: string[];
    unitKind: UnitKind | null;
    teamKind: UnitKind | null;
  }
>;

/** `notice` is the text of the conclusion notice (thông báo kết luận). */
export type ConcludeInspection = Command<'ConcludeInspection', { inspectionId: string; notice: string }>;

export type InspectionCommand = OpenInspection | ConcludeInspection;
