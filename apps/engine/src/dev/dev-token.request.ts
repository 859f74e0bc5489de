import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '@rectify/domain';

/** 'system' is the engine's own actor (seeding, timers); no token is ever issued for it. */
const TOKEN_ROLES = ROLES.filter((role) => role !== 'system');

export class DevTokenRequest {
  @ApiProperty({ description: 'Actor id (token sub)', example: 'official-42' })
  @IsString()
  @Length(1, 200)
  sub!: string;

  @ApiProperty({ enum: TOKEN_ROLES, example: 'inspector' })
  @IsIn(TOKEN_ROLES)
  role!: Role;

  @ApiPropertyOptional({ type: [String], description: 'Unit ids the actor is scoped to' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  units?: string[];
}

export class DevTokenResponse {
  @ApiProperty() accessToken!: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until expiry' }) expiresIn!: number;
}
