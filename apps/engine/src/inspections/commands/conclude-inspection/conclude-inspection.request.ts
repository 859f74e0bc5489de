import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ConcludeInspectionRequest {
  @ApiProperty({ description: 'Text of the conclusion notice (thông báo kết luận)', example: 'Thông báo kết luận kiểm tra công vụ…' })
  @IsString()
  @Length(1, 20000)
  notice!: string;
}
