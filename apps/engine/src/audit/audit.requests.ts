import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsNumberString, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ACCESS_ACTIONS } from '@rectify/audit';

export class ListCheckpointsRequest {
  @ApiPropertyOptional({ description: 'Only checkpoints with fewer events than this (paging, newest first)' })
  @IsOptional() @IsNumberString({ no_symbols: true }) before?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}

export class ListAccessLogRequest {
  @ApiPropertyOptional({ enum: ACCESS_ACTIONS }) @IsOptional() @IsIn(ACCESS_ACTIONS) action?: (typeof ACCESS_ACTIONS)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) actorId?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(200) subjectId?: string;
  @ApiPropertyOptional({ example: '2023-02-01T00:00:00+07:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ description: 'Entries with id below this (paging, newest first)' })
  @IsOptional() @IsNumberString({ no_symbols: true }) before?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
