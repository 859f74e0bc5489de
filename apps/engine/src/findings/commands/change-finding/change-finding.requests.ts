import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { EvidenceReferenceRequest } from '../record-finding/record-finding.request';

export class DisputeFindingRequest {
  @ApiProperty({ description: 'Why the unit disputes the finding' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class ResolveDisputeRequest {
  @ApiProperty({ description: 'true: the finding stands (acknowledged); false: it is withdrawn' })
  @IsBoolean()
  upheld!: boolean;

  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

export class SubmitPlanRequest {
  @ApiProperty({ type: [String], example: ['Niêm yết đầy đủ thủ tục hành chính tại bộ phận một cửa'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 1000, { each: true })
  actions!: string[];

  @ApiProperty({ example: '2023-02-02', description: 'Calendar date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'targetDate must be a calendar date YYYY-MM-DD' })
  @IsISO8601({ strict: true })
  targetDate!: string;
}

export class SubmitEvidenceRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  description!: string;

  @ApiPropertyOptional({ type: [EvidenceReferenceRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EvidenceReferenceRequest)
  attachments?: EvidenceReferenceRequest[];
}

export class VerifyRemediationRequest {
  @ApiProperty()
  @IsBoolean()
  accepted!: boolean;

  @ApiProperty()
  @IsString()
  @Length(0, 2000)
  comment!: string;
}

export class ReopenFindingRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
