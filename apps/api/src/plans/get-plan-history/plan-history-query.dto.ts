import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class PlanHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Return events after this revision' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterRevision?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Accepted for symmetry with the views; the history reads the log itself, so it is always current' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}
