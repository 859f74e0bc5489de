import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

/** Filters of a history: period on occurredAt [from, to) and kind (finding, inspection, official, unit, case…). */
export class HistoryRequest {
  @ApiPropertyOptional({ example: '2023-01-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2024-01-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: 'finding', description: "The stream's kind: its id's prefix" })
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,40}$/, { message: 'kind must be a stream kind such as finding, inspection, official, unit or case' })
  kind?: string;
}
