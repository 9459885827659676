import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, Matches, Min } from 'class-validator';

export class PlanViewQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the view includes this position (from X-Ruamjai-Position)' })
  @IsOptional()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;

  @ApiPropertyOptional({ description: 'The plan exactly as it was at this time (ISO 8601), folded from the log' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'The plan exactly as it was at this revision, folded from the log' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}
