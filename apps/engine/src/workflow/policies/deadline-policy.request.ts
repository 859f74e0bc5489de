import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min, ValidateNested, ArrayMinSize } from 'class-validator';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, UNIT_KINDS } from '@rectify/domain';

class SeverityDaysRequest {
  @ApiProperty({ example: 5 }) @IsInt() @Min(1) @Max(365) critical!: number;
  @ApiProperty({ example: 15 }) @IsInt() @Min(1) @Max(365) major!: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(365) minor!: number;
}

class DeadlineRuleRequest {
  @ApiPropertyOptional({ enum: FINDING_SEVERITIES }) @IsOptional() @IsIn(FINDING_SEVERITIES) severity?: (typeof FINDING_SEVERITIES)[number];
  @ApiPropertyOptional({ enum: UNIT_KINDS }) @IsOptional() @IsIn(UNIT_KINDS) unitKind?: (typeof UNIT_KINDS)[number];
  @ApiPropertyOptional({ enum: FINDING_CATEGORIES }) @IsOptional() @IsIn(FINDING_CATEGORIES) category?: (typeof FINDING_CATEGORIES)[number];
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(365) remediationWorkingDays?: number;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(365) acknowledgeWorkingDays?: number;
}

/** The whole deadline policy (working days); it applies to findings recorded after it is set. */
export class DeadlinePolicyRequest {
  @ApiProperty({ example: 2 }) @IsInt() @Min(1) @Max(365) acknowledgeWorkingDays!: number;
  @ApiProperty({ type: SeverityDaysRequest }) @ValidateNested() @Type(() => SeverityDaysRequest) remediationWorkingDays!: SeverityDaysRequest;
  @ApiProperty({ example: [3, 0] }) @IsArray() @ArrayMaxSize(5) @IsInt({ each: true }) @Min(0, { each: true }) @Max(365, { each: true })
  reminderWorkingDaysBeforeDue!: number[];
  @ApiProperty({ example: [0, 5, 10] }) @IsArray() @ArrayMinSize(3) @ArrayMaxSize(3) @IsInt({ each: true }) @Min(0, { each: true }) @Max(365, { each: true })
  escalationWorkingDaysAfterDue!: [number, number, number];
  @ApiProperty({ example: 2 }) @IsInt() @Min(0) @Max(365) maxExtensionsPerFinding!: number;
  @ApiProperty({ example: 30 }) @IsInt() @Min(1) @Max(365) maxExtensionWorkingDays!: number;
  @ApiProperty({ example: true }) @IsBoolean() referUnitHead!: boolean;
  @ApiProperty({ type: [DeadlineRuleRequest], description: 'Overrides; the first matching rule wins' })
  @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => DeadlineRuleRequest)
  rules!: DeadlineRuleRequest[];
}
