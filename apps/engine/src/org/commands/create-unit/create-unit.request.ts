import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { UNIT_KINDS, type UnitKind } from '@rectify/domain';

export class CreateUnitRequest {
  @ApiProperty({ example: 'UBND phường Điện Biên' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'P-DB' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  code?: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit this one belongs to (e.g. the district of a ward)' })
  @IsOptional()
  @IsUUID()
  parentUnitId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The unit that supervises this one' })
  @IsOptional()
  @IsUUID()
  supervisingUnitId?: string;
}
