import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsOptional, IsString, IsUUID, Length } from 'class-validator';

export class RegisterOfficialRequest {
  @ApiProperty({ example: 'Trần Thị Mai Anh' })
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @ApiProperty({ format: 'uuid', description: 'The unit the official belongs to' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 'Thành viên đoàn kiểm tra' })
  @IsString()
  @Length(1, 200)
  position!: string;

  @ApiPropertyOptional({ example: 'maianh.tt@hanoi.gov.vn' })
  @IsOptional()
  @IsEmail()
  @Length(1, 254)
  email?: string;
}
