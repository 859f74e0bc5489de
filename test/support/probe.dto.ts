import { Type } from 'class-transformer';
import { IsArray, IsInt, IsOptional, IsString, Min, ValidateNested } from 'class-validator';

export class ItemDto {
  @IsString() name!: string;
  @IsInt() @Min(1) quantity!: number;
}

export class OrderDto {
  @IsString() reference!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ItemDto) items!: ItemDto[];
}

export class CommandDto {
  @IsOptional() @IsInt() a?: number;
}
