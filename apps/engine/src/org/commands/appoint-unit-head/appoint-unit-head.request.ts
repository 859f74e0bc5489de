import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class AppointUnitHeadRequest {
  @ApiProperty({ format: 'uuid', description: 'An official who belongs to the unit' })
  @IsUUID()
  officialId!: string;
}
