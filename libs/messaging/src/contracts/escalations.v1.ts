import type { RecordedEvent } from '@rectify/event-store';
import { envelopeOf, field, type IntegrationEvent } from './integration-event';

/** rectify.escalations.v1 — an overdue finding escalated to its next addressee. */
export const ESCALATIONS_V1 = { topic: 'rectify.escalations.v1', contract: 'rectify.escalations', version: 1 } as const;

export interface EscalationsV1Payload {
  kind: 'escalated';
  findingId: string;
  level: 1 | 2 | 3;
  escalatedAt: string;
  dueDate: string;
  workingDaysOverdue: number;
  /** Who must act now: a role and a unit; the official's id only for unit heads and authorities. */
  addressee: { role: string; unitId: string | null; officialId: string | null };
}

export type EscalationsV1Event = IntegrationEvent<'escalated', EscalationsV1Payload>;

/** Domain event types published on this topic (the workflow's FindingEscalated). */
export const ESCALATIONS_V1_SOURCE_TYPES = ['FindingEscalated'] as const;

export function toEscalationsV1(event: RecordedEvent): EscalationsV1Event | null {
  if (event.type !== 'FindingEscalated') return null;
  const addressee = field<Record<string, unknown>>(event, 'addressee', 'object');
  const payload: EscalationsV1Payload = {
    kind: 'escalated',
    findingId: field(event, 'findingId', 'string'),
    level: field<number>(event, 'level', 'number') as 1 | 2 | 3,
    escalatedAt: field(event, 'escalatedAt', 'string'),
    dueDate: field(event, 'dueDate', 'string'),
    workingDaysOverdue: field(event, 'workingDaysOverdue', 'number'),
    addressee: {
      role: String(addressee.role),
      unitId: typeof addressee.unitId === 'string' ? addressee.unitId : null,
      officialId: typeof addressee.officialId === 'string' ? addressee.officialId : null,
    },
  };
  return envelopeOf(ESCALATIONS_V1.contract, ESCALATIONS_V1.version, 'escalated', event, payload);
}
