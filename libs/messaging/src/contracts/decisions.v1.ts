import type { RecordedEvent } from '@rectify/event-store';
import { ContractMappingError, envelopeOf, field, type IntegrationEvent } from './integration-event';

/** rectify.decisions.v1 — disciplinary decisions, for HR and personnel systems. */
export const DECISIONS_V1 = { topic: 'rectify.decisions.v1', contract: 'rectify.decisions', version: 1 } as const;

export type DecisionsV1Payload =
  | {
      kind: 'decided';
      caseId: string;
      decisionKind: string;
      decidedOn: string;
      effectiveDate: string;
      appealDeadline: string;
      executesOn: string;
      successorOfficialId: string | null;
      transferTo: { unitId: string; position: string } | null;
    }
  | { kind: 'executed'; caseId: string; decisionKind: string };

export type DecisionsV1Event = IntegrationEvent<DecisionsV1Payload['kind'], DecisionsV1Payload>;

/** Domain event types published on this topic (the discipline module's case events). */
export const DECISIONS_V1_SOURCE_TYPES = ['CaseDecided', 'DecisionExecuted'] as const;

/** Not published: the board's reasons, votes, execution notes, explanations, hearing details. */
export function toDecisionsV1(event: RecordedEvent): DecisionsV1Event | null {
  const payload = decisionsPayload(event);
  return payload ? envelopeOf(DECISIONS_V1.contract, DECISIONS_V1.version, payload.kind, event, payload) : null;
}

function decisionsPayload(event: RecordedEvent): DecisionsV1Payload | null {
  const caseId = () => field<string>(event, 'caseId', 'string');
  if (event.type === 'DecisionExecuted') {
    return { kind: 'executed', caseId: caseId(), decisionKind: field(event, 'decisionKind', 'string') };
  }
  if (event.type !== 'CaseDecided') return null;
  const decision = field<Record<string, unknown>>(event, 'decision', 'object');
  const text = (name: string): string => {
    const value = decision[name];
    if (typeof value !== 'string') throw new ContractMappingError(event.id, event.type, `data.decision.${name} must be a string`);
    return value;
  };
  const transferTo = decision.transferTo as { unitId?: unknown; position?: unknown } | null | undefined;
  return {
    kind: 'decided',
    caseId: caseId(),
    decisionKind: text('kind'),
    decidedOn: text('decidedOn'),
    effectiveDate: text('effectiveDate'),
    appealDeadline: text('appealDeadline'),
    executesOn: text('executesOn'),
    successorOfficialId: typeof decision.successorOfficialId === 'string' ? decision.successorOfficialId : null,
    transferTo: transferTo ? { unitId: String(transferTo.unitId), position: String(transferTo.position) } : null,
  };
}
