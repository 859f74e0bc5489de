import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { remediationProcess, remediationStream, type RemediationState, type RemediationStreamEvent } from '@rectify/domain';
import type { EventStore } from '@rectify/event-store';

/** The remediation workflow's view of a finding (computed by its process; null before it ran). */
export class FindingWorkflowFields {
  @ApiPropertyOptional({ description: 'Remediation deadline: end of the due working day, Vietnam time (ISO instant)', example: '2023-02-16T17:00:00.000Z' })
  dueAt!: string | null;
  @ApiPropertyOptional({ description: 'The due working day (YYYY-MM-DD, Vietnam)', example: '2023-02-16' })
  dueDate!: string | null;
  @ApiPropertyOptional({ description: 'Acknowledgement deadline (ISO instant); null once answered' })
  acknowledgeBy!: string | null;
  @ApiPropertyOptional() overdue!: boolean | null;
  @ApiPropertyOptional({ description: '0–3: 1 unit head, 2 supervising authority, 3 disciplinary board' }) escalationLevel!: number | null;
  @ApiPropertyOptional({ description: "running | paused | ended (the remediation clock)" }) clock!: string | null;
}

export class ExtensionRequestResponse {
  @ApiProperty() requestId!: string;
  @ApiProperty() workingDays!: number;
  @ApiProperty() reason!: string;
  @ApiProperty() requestedBy!: string;
  @ApiProperty({ enum: ['pending', 'granted', 'denied'] }) status!: string;
  @ApiPropertyOptional() decidedBy!: string | null;
  @ApiPropertyOptional() decisionReason!: string | null;
}

export const NO_WORKFLOW: FindingWorkflowFields = { dueAt: null, dueDate: null, acknowledgeBy: null, overdue: null, escalationLevel: null, clock: null };

export function workflowFields(state: RemediationState | null): FindingWorkflowFields {
  if (!state || state.status === 'absent') return NO_WORKFLOW;
  return {
    dueAt: state.schedule.dueAt,
    dueDate: state.schedule.dueDate,
    acknowledgeBy: state.acknowledgeBy,
    overdue: state.overdue,
    escalationLevel: state.escalationLevel,
    clock: state.status,
  };
}

/** Folds the finding's remediation stream (optionally as of a past instant). */
export async function loadFindingWorkflow(store: EventStore, findingId: string, asOf?: Date): Promise<RemediationState> {
  const events = await store.readStream(remediationStream(findingId), asOf ? { asOf } : undefined);
  return events.reduce(
    (s, e) => remediationProcess.evolve(s, { type: e.type, data: e.data } as RemediationStreamEvent),
    remediationProcess.initialState(),
  );
}
