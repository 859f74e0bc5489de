import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { INSPECTION_KINDS, INSPECTION_STATUSES } from '@rectify/domain';

export class ListInspectionsRequest {
  @ApiPropertyOptional({ format: 'uuid', description: 'The inspected unit' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'The inspecting team' }) @IsOptional() @IsUUID() teamId?: string;
  @ApiPropertyOptional({ enum: INSPECTION_KINDS }) @IsOptional() @IsIn(INSPECTION_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: INSPECTION_STATUSES }) @IsOptional() @IsIn(INSPECTION_STATUSES) status?: string;
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ default: 20, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}
