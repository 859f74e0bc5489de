import { ApiProperty } from '@nestjs/swagger';
import type { ActiveOfficial, InactiveOfficial } from '@rectify/domain';

/** An official of the org registry, as every endpoint returns it. */
export class OfficialResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Nguyễn Văn Hùng' }) fullName!: string;
  @ApiProperty({ format: 'uuid', description: 'The unit the official belongs to' }) unitId!: string;
  @ApiProperty({ example: 'Trưởng đoàn kiểm tra' }) position!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ['active', 'inactive'], description: 'inactive: deactivated (e.g. forced termination); cannot head a unit' })
  status!: 'active' | 'inactive';
  @ApiProperty({ description: 'Stream version' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toOfficialResponse(
  state: ActiveOfficial | InactiveOfficial,
  meta: { version: number; createdAt: Date | null; updatedAt: Date | null },
): OfficialResponse {
  return {
    id: state.id,
    fullName: state.fullName,
    unitId: state.unitId,
    position: state.position,
    email: state.email,
    status: state.status,
    version: meta.version,
    createdAt: meta.createdAt?.toISOString() ?? '',
    updatedAt: meta.updatedAt?.toISOString() ?? '',
  };
}
