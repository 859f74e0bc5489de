import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, type FindingCategory, type FindingSeverity } from '@rectify/domain';

export class EvidenceReferenceRequest {
  @ApiProperty({ example: 'queue-machine.jpg' })
  @IsString()
  @Length(1, 255)
  name!: string;

  @ApiProperty({ description: 'sha256 of the file, 64 hex characters' })
  @Matches(/^[A-Fa-f0-9]{64}$/, { message: 'sha256 must be 64 hexadecimal characters' })
  sha256!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ require_protocol: true })
  url?: string;

  @ApiPropertyOptional({ description: 'Bytes (from POST /evidence)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  size?: number;

  @ApiPropertyOptional({ example: 'image/jpeg', description: 'Media type (from POST /evidence)' })
  @IsOptional()
  @Matches(/^[a-z0-9.+-]+\/[a-z0-9.+-]{1,100}$/i, { message: 'mediaType must be a media type such as image/jpeg' })
  mediaType?: string;
}

export class RecordFindingRequest {
  @ApiProperty({ enum: FINDING_CATEGORIES })
  @IsIn(FINDING_CATEGORIES)
  category!: FindingCategory;

  @ApiProperty({ enum: FINDING_SEVERITIES })
  @IsIn(FINDING_SEVERITIES)
  severity!: FindingSeverity;

  @ApiProperty({ example: 'Thủ tục hành chính không được niêm yết đầy đủ' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  responsibleOfficialIds?: string[];

  @ApiProperty({ example: '2023-01-19T09:30:00+07:00' })
  @IsISO8601({ strict: true, strictSeparator: true })
  observedAt!: string;

  @ApiPropertyOptional({ type: [EvidenceReferenceRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceRequest)
  evidence?: EvidenceReferenceRequest[];
}
