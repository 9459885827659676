import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Min } from 'class-validator';
import { Omittable } from '../../http/omittable';

export class PlanViewQueryDto {
  @ApiPropertyOptional({ description: 'Wait until the view includes this position (from X-Ruamjai-Position)' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;

  @ApiPropertyOptional({ description: 'The plan exactly as it was at this time (ISO 8601), folded from the log' })
  @Omittable()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ description: 'The plan exactly as it was at this revision, folded from the log' })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  revision?: number;
}
