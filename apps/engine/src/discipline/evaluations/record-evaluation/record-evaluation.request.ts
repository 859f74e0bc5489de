import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { EVALUATION_RATINGS, type EvaluationRating } from '@rectify/domain';

export class RecordEvaluationRequest {
  @ApiProperty({ example: '2024-05', description: 'A month YYYY-MM or a year YYYY (the annual rating)' })
  @Matches(/^\d{4}(-(0[1-9]|1[0-2]))?$/, { message: 'period must be YYYY-MM or YYYY' })
  period!: string;

  @ApiProperty({ enum: EVALUATION_RATINGS })
  @IsIn(EVALUATION_RATINGS)
  rating!: EvaluationRating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;
}

export class CorrectEvaluationRequest {
  @ApiProperty({ enum: EVALUATION_RATINGS })
  @IsIn(EVALUATION_RATINGS)
  rating!: EvaluationRating;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(0, 2000)
  note?: string;

  @ApiProperty({ description: 'Why the recorded rating is corrected' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}
