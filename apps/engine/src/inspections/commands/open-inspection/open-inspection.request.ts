import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { INSPECTION_KINDS, type InspectionKind } from '@rectify/domain';

export class OpenInspectionRequest {
  @ApiProperty({ enum: INSPECTION_KINDS })
  @IsIn(INSPECTION_KINDS)
  kind!: InspectionKind;

  @ApiProperty({ format: 'uuid', description: 'The inspected unit' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ format: 'uuid', description: 'The inspecting team: a unit of kind inspection_team' })
  @IsUUID()
  teamId!: string;

  @ApiProperty({ example: '2023-01-19T08:00:00+07:00', description: 'ISO 8601 instant with offset; not in the future' })
  @IsISO8601({ strict: true, strictSeparator: true })
  startedAt!: string;

  @ApiPropertyOptional({
    type: [String],
    description: 'Official ids of the members on this inspection; default: the caller alone. Each must be a registered official.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  memberIds?: string[];
}
