import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Length, Matches, ValidateNested } from 'class-validator';
import { DECISION_KINDS, type DecisionKind } from '@rectify/domain';

export class ExplanationRequest {
  @ApiProperty({ description: "The subject's written explanation" })
  @IsString()
  @Length(1, 5000)
  text!: string;
}

export class ScheduleHearingRequest {
  @ApiProperty({ example: '2024-03-12T09:00:00+07:00' })
  @IsISO8601({ strict: true })
  scheduledAt!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 500)
  location!: string;
}

export class RecordHearingRequest {
  @ApiProperty()
  @IsISO8601({ strict: true })
  heldAt!: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsString({ each: true })
  attendeeIds!: string[];

  @ApiProperty({ description: 'Minutes of the hearing' })
  @IsString()
  @Length(1, 5000)
  minutes!: string;
}

export class VoteRequest {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  decisionKind!: DecisionKind;
}

export class TransferTargetRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  position!: string;
}

export class DecisionRequest {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  kind!: DecisionKind;

  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  reasons!: string;

  @ApiProperty({ example: '2024-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveDate must be a calendar date YYYY-MM-DD' })
  effectiveDate!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'replacement: the new head; otherwise who takes over the duties' })
  @IsOptional()
  @IsUUID()
  successorOfficialId?: string;

  @ApiPropertyOptional({ type: TransferTargetRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => TransferTargetRequest)
  transferTo?: TransferTargetRequest;
}

export class AppealRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 5000)
  reason!: string;
}
