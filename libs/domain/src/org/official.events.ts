import type { DomainEvent } from '../shared';

export type OfficialRegistered = DomainEvent<
  'OfficialRegistered',
  { officialId: string; fullName: string; unitId: string; position: string; email: string | null }
>;

export type OfficialTransferred = DomainEvent<
  'OfficialTransferred',
  { officialId: string; fromUnitId: string; toUnitId: string; fromPosition: string; position: string; reason: string }
>;

export type OfficialDeactivated = DomainEvent<'OfficialDeactivated', { officialId: string; unitId: string; reason: string }>;

export type OfficialEvent = OfficialRegistered | OfficialTransferred | OfficialDeactivated;

export const OFFICIAL_EVENT_TYPES = [
  'OfficialRegistered',
  'OfficialTransferred',
  'OfficialDeactivated',
] as const satisfies readonly OfficialEvent['type'][];
