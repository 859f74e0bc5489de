import type { DomainEvent } from '../shared';

export type OfficialRegistered = DomainEvent<
  'OfficialRegistered',
  { officialId: string; fullName: string; unitId: string; position: string; email: string | null }
>;

export type OfficialEvent = OfficialRegistered;
