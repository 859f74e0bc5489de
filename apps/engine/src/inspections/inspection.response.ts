import { ApiProperty } from '@nestjs/swagger';
import { FINDING_SEVERITIES, FINDING_STATUSES, INSPECTION_KINDS, INSPECTION_STATUSES, type InspectionState } from '@rectify/domain';

/** An inspection, as every endpoint returns it. */
export class InspectionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: INSPECTION_KINDS }) kind!: string;
  @ApiProperty({ format: 'uuid', description: 'The inspected unit' }) unitId!: string;
  @ApiProperty({ format: 'uuid', description: 'The inspecting team (a unit of kind inspection_team)' }) teamId!: string;
  @ApiProperty({ description: 'ISO 8601 instant (UTC)' }) startedAt!: string;
  @ApiProperty({ type: [String], description: 'Official ids of the team members on this inspection' }) memberIds!: string[];
  @ApiProperty({ enum: INSPECTION_STATUSES }) status!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Conclusion notice, once concluded' }) notice!: string | null;
  @ApiProperty({ description: 'Stream version; send it back as If-Match' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

/** A finding of an inspection, in brief. */
export class InspectionFindingSummary {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: FINDING_STATUSES }) status!: string;
  @ApiProperty({ enum: FINDING_SEVERITIES }) severity!: string;
}

export class InspectionDetailResponse extends InspectionResponse {
  @ApiProperty({ type: [InspectionFindingSummary] }) findings!: InspectionFindingSummary[];
}

export type ExistingInspection = Exclude<InspectionState, { status: 'absent' }>;

export function toInspectionResponse(
  state: ExistingInspection,
  meta: { version: number; createdAt: Date | null; updatedAt: Date | null },
): InspectionResponse {
  return {
    id: state.id,
    kind: state.kind,
    unitId: state.unitId,
    teamId: state.teamId,
    startedAt: state.startedAt,
    memberIds: state.memberIds,
    status: state.status,
    notice: state.status === 'concluded' ? state.notice : null,
    version: meta.version,
    createdAt: meta.createdAt?.toISOString() ?? '',
    updatedAt: meta.updatedAt?.toISOString() ?? '',
  };
}
