import type { DomainEvent } from '../shared';
import type { InspectionKind } from './inspection.values';

export type InspectionOpened = DomainEvent<
  'InspectionOpened',
  {
    inspectionId: string;
    kind: InspectionKind;
    unitId: string;
    teamId: string;
    /** Normalised ISO 8601 UTC instant. */
    startedAt: string;
    memberIds: string[];
  }
>;

export type InspectionConcluded = DomainEvent<'InspectionConcluded', { inspectionId: string; notice: string }>;

export type InspectionEvent = InspectionOpened | InspectionConcluded;
