import { ApiProperty } from '@nestjs/swagger';
import { UNIT_KINDS, type ActiveUnit } from '@rectify/domain';

/** A unit of the org registry, as every endpoint returns it. */
export class UnitResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'UBND phường Điện Biên' }) name!: string;
  @ApiProperty({ type: String, nullable: true, example: 'P-DB' }) code!: string | null;
  @ApiProperty({ enum: UNIT_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) parentUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) supervisingUnitId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'For an inspection_team: its team lead' })
  headOfficialId!: string | null;
  @ApiProperty({ description: 'Stream version; send it back as If-Match' }) version!: number;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export function toUnitResponse(
  state: ActiveUnit,
  meta: { version: number; createdAt: Date | null; updatedAt: Date | null },
): UnitResponse {
  return {
    id: state.id,
    name: state.name,
    code: state.code,
    kind: state.kind,
    parentUnitId: state.parentUnitId,
    supervisingUnitId: state.supervisingUnitId,
    headOfficialId: state.headOfficialId,
    version: meta.version,
    createdAt: meta.createdAt?.toISOString() ?? '',
    updatedAt: meta.updatedAt?.toISOString() ?? '',
  };
}
