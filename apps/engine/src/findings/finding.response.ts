import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExistingFinding } from '@rectify/domain';
import { ExtensionRequestResponse, NO_WORKFLOW, type FindingWorkflowFields } from './finding-workflow';

/** The finding as every endpoint returns it (write side and read side alike). */
export class FindingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() inspectionId!: string;
  @ApiProperty() unitId!: string;
  @ApiProperty() category!: string;
  @ApiProperty() severity!: string;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String] }) responsibleOfficialIds!: string[];
  @ApiProperty({ description: 'Evidence recorded with the finding: {name, sha256, url?}[]' }) evidence!: unknown[];
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'Stream version; send it back as If-Match' }) version!: number;
  @ApiProperty() observedAt!: string;
  @ApiProperty() recordedAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiPropertyOptional() dispute!: unknown;
  @ApiPropertyOptional() plan!: unknown;
  @ApiProperty() remediationEvidence!: unknown[];
  @ApiPropertyOptional() lastVerification!: unknown;
  @ApiPropertyOptional() withdrawalReason!: string | null;
  @ApiProperty() selfCertified!: boolean;
  @ApiProperty() reopenCount!: number;
  @ApiProperty({ type: [ExtensionRequestResponse] }) extensionRequests!: ExtensionRequestResponse[];
  @ApiPropertyOptional({ description: 'The inspection team the finding was delegated to; null: the inspection team' }) delegatedToTeamId!: string | null;
  // Workflow fields (FindingWorkflowFields): null in command answers, which the process has not seen yet.
  @ApiPropertyOptional({ description: 'Remediation deadline: end of the due working day, Vietnam time (ISO instant)', example: '2023-02-16T17:00:00.000Z' })
  dueAt!: string | null;
  @ApiPropertyOptional({ description: 'The due working day (YYYY-MM-DD, Vietnam)' }) dueDate!: string | null;
  @ApiPropertyOptional({ description: 'Acknowledgement deadline (ISO instant); null once answered' }) acknowledgeBy!: string | null;
  @ApiPropertyOptional() overdue!: boolean | null;
  @ApiPropertyOptional({ description: '0–3: 1 unit head, 2 supervising authority, 3 disciplinary board' }) escalationLevel!: number | null;
  @ApiPropertyOptional({ description: 'The remediation clock: running | paused | ended' }) clock!: string | null;
}

export function toFindingResponse(
  state: ExistingFinding,
  meta: { version: number; createdAt: Date | null; updatedAt: Date | null },
  workflow: FindingWorkflowFields = NO_WORKFLOW,
): FindingResponse {
  return {
    id: state.id,
    inspectionId: state.inspectionId,
    unitId: state.unitId,
    category: state.category,
    severity: state.severity,
    title: state.title,
    description: state.description,
    responsibleOfficialIds: state.responsibleOfficialIds,
    evidence: state.evidence,
    status: state.status,
    version: meta.version,
    observedAt: state.observedAt,
    recordedAt: meta.createdAt?.toISOString() ?? '',
    updatedAt: meta.updatedAt?.toISOString() ?? '',
    dispute: state.dispute,
    plan: state.plan,
    remediationEvidence: state.remediationEvidence,
    lastVerification: state.lastVerification,
    withdrawalReason: state.withdrawalReason,
    selfCertified: state.selfCertified,
    reopenCount: state.reopenCount,
    extensionRequests: state.extensionRequests ?? [],
    delegatedToTeamId: state.delegatedToTeamId ?? null,
    ...workflow,
  };
}
