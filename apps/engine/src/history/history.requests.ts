import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNumberString, IsOptional, Matches, Max, Min } from 'class-validator';

/** Entries per page of a JSON history when ?limit is not given; exports (CSV, PDF) are whole unless paged explicitly. */
export const HISTORY_DEFAULT_PAGE = 100;
export const HISTORY_MAX_PAGE = 1000;

/** Filters of a history: period on occurredAt [from, to) and kind (finding, inspection, official, unit, case…). */
export class HistoryRequest {
  @ApiPropertyOptional({ example: '2023-01-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ example: '2024-01-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ example: 'finding', description: "The stream's kind: its id's prefix" })
  @IsOptional() @Matches(/^[a-z][a-z0-9_]{0,40}$/, { message: 'kind must be a stream kind such as finding, inspection, official, unit or case' })
  kind?: string;
  @ApiPropertyOptional({ default: HISTORY_DEFAULT_PAGE, maximum: HISTORY_MAX_PAGE, description: 'Entries per page (JSON default 100; exports whole unless given)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(HISTORY_MAX_PAGE) limit?: number;
  @ApiPropertyOptional({ description: "The previous page's nextCursor: entries after that global position" })
  @IsOptional() @IsNumberString({ no_symbols: true }) cursor?: string;
}
