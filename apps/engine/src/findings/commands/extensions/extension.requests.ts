import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsString, IsUUID, Length, Max, Min } from 'class-validator';

export class RequestExtensionRequest {
  @ApiProperty({ example: 10, description: 'Working days to add to the deadline (at most the policy maximum)' })
  @IsInt()
  @Min(1)
  @Max(365)
  workingDays!: number;

  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class DecideExtensionRequest {
  @ApiProperty() @IsBoolean() granted!: boolean;
  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}

export class DelegateFindingRequest {
  @ApiProperty({ description: 'The inspection team (unit of kind inspection_team) taking the finding over' })
  @IsUUID()
  toTeamId!: string;

  @ApiProperty() @IsString() @Length(1, 2000) reason!: string;
}
