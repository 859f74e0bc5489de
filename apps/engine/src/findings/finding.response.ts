import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ExistingFinding } from '@rectify/domain';

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
}

export function toFindingResponse(
  state: ExistingFinding,
  meta: { version: number; createdAt: Date | null; updatedAt: Date | null },
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
  };
}
