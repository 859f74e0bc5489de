import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

export class GroundRequest {
  @ApiProperty({ enum: ['finding', 'escalation', 'evaluation'] })
  @IsIn(['finding', 'escalation', 'evaluation'])
  kind!: 'finding' | 'escalation' | 'evaluation';

  @ApiProperty({ description: 'Finding id, escalation id, or <officialId>:<year> for a rating' })
  @IsString()
  @Length(1, 200)
  sourceId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 1000)
  note?: string;
}

export class OpenCaseRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  subjectOfficialId!: string;

  @ApiProperty({ enum: ['official', 'unit_head'] })
  @IsIn(['official', 'unit_head'])
  subjectKind!: 'official' | 'unit_head';

  @ApiProperty({ description: 'What the case is about' })
  @IsString()
  @Length(1, 5000)
  summary!: string;

  @ApiPropertyOptional({ type: [GroundRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => GroundRequest)
  grounds?: GroundRequest[];
}
