import type { InspectionKind } from './inspection.values';

export interface AbsentInspection {
  status: 'absent';
}

interface InspectionFacts {
  id: string;
  kind: InspectionKind;
  unitId: string;
  teamId: string;
  startedAt: string;
  memberIds: string[];
}

/** Findings may be recorded only while open. */
export interface OpenInspectionState extends InspectionFacts {
  status: 'open';
}

export interface ConcludedInspectionState extends InspectionFacts {
  status: 'concluded';
  notice: string;
}

export type InspectionState = AbsentInspection | OpenInspectionState | ConcludedInspectionState;

export const initialInspectionState = (): InspectionState => ({ status: 'absent' });
