import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, ValidateNested } from 'class-validator';

/** Shape only; the calendar rules (real date, in the year, no conflicts, reason 1..500) are the domain's. */
export class DatedReasonRequest {
  @ApiProperty({ example: '2025-01-02', description: 'YYYY-MM-DD, in the year of the path' })
  @IsString()
  @MaxLength(10)
  date!: string;

  @ApiProperty({ example: 'Thông báo 9441/TB-BNV: nghỉ hoán đổi' })
  @IsString()
  @MaxLength(500)
  reason!: string;
}

export class SetCalendarOverridesRequest {
  @ApiProperty({ type: [DatedReasonRequest], description: 'Extra days off (weekdays become non-working)' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => DatedReasonRequest)
  daysOff!: DatedReasonRequest[];

  @ApiProperty({ type: [DatedReasonRequest], description: 'Working days (e.g. swapped Saturdays; overrides any day off)' })
  @IsArray()
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => DatedReasonRequest)
  workingDays!: DatedReasonRequest[];
}
