import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HOLIDAY_IDS, type CalendarOverrides, type CalendarYear } from '@rectify/domain';

export class DatedReasonResponse {
  @ApiProperty({ example: '2025-01-02' }) date!: string;
  @ApiProperty() reason!: string;
}

export class CalendarDayOffResponse {
  @ApiProperty({ example: '2023-01-20' }) date!: string;
  @ApiProperty({ enum: ['holiday', 'compensatory', 'swapped', 'override'] }) kind!: string;
  @ApiProperty({ enum: HOLIDAY_IDS, nullable: true }) holiday!: string | null;
  @ApiProperty({ example: 'Tết Âm lịch (Tết Nguyên đán)' }) nameVi!: string;
  @ApiProperty({ example: 'Lunar New Year (Tết)' }) nameEn!: string;
  @ApiProperty({ description: 'The decision or notice (or statute) the day comes from' }) source!: string;
  @ApiProperty({ nullable: true, description: "The administrator's reason, for an override" }) reason!: string | null;
}

export class CalendarWorkingDayResponse {
  @ApiProperty({ example: '2024-05-04' }) date!: string;
  @ApiProperty({ enum: ['swapped', 'override'] }) kind!: string;
  @ApiProperty({ nullable: true, example: '2024-04-29' }) inLieuOf!: string | null;
  @ApiProperty() nameVi!: string;
  @ApiProperty() nameEn!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ nullable: true }) reason!: string | null;
}

export class MonthWorkingDaysResponse {
  @ApiProperty({ minimum: 1, maximum: 12 }) month!: number;
  @ApiProperty() workingDays!: number;
}

export class CalendarOverridesResponse {
  @ApiProperty({ type: [DatedReasonResponse] }) daysOff!: DatedReasonResponse[];
  @ApiProperty({ type: [DatedReasonResponse] }) workingDays!: DatedReasonResponse[];
}

export class CalendarYearResponse {
  @ApiProperty({ example: 2023 }) year!: number;
  @ApiProperty({ enum: ['announced', 'rule'], description: 'announced: a shipped government schedule covers the year; rule: computed from the Labour Code' })
  basis!: string;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: [CalendarDayOffResponse] }) daysOff!: CalendarDayOffResponse[];
  @ApiProperty({ type: [CalendarWorkingDayResponse], description: 'Swapped working Saturdays and administrator working days' })
  workingDays!: CalendarWorkingDayResponse[];
  @ApiProperty({ type: [MonthWorkingDaysResponse] }) workingDaysPerMonth!: MonthWorkingDaysResponse[];
  @ApiProperty() workingDaysInYear!: number;
  @ApiProperty({ type: CalendarOverridesResponse, description: "The administrator's overrides for the year, already merged above" })
  overrides!: CalendarOverridesResponse;
}

export class WorkingDaysResponse {
  @ApiProperty({ example: '2023-01-19' }) from!: string;
  @ApiPropertyOptional({ example: 5, description: 'With ?days: the step' }) days?: number;
  @ApiPropertyOptional({ example: '2023-02-02', description: 'With ?days: the days-th working day after from' }) date?: string;
  @ApiPropertyOptional({ example: '2023-02-02', description: 'With ?to' }) to?: string;
  @ApiPropertyOptional({ example: 5, description: 'With ?to: working days in (from, to]' }) workingDays?: number;
}

export function toCalendarYearResponse(view: CalendarYear, overrides: CalendarOverrides | undefined): CalendarYearResponse {
  return {
    ...view,
    overrides: { daysOff: [...(overrides?.daysOff ?? [])], workingDays: [...(overrides?.workingDays ?? [])] },
  };
}
