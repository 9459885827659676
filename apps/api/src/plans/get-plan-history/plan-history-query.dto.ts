import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { PLAN_EVENT_TYPES } from '@ruamjai/planning';
import { IsIn, IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { Omittable } from '../../http/omittable';

export class PlanHistoryQueryDto {
  @ApiPropertyOptional({ description: 'Events after this revision (the next page)' })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  afterRevision?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Only events that happened at or after this time (ISO 8601)' })
  @Omittable()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Only events that happened at or before this time (ISO 8601)' })
  @Omittable()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'Only events by this user' })
  @Omittable()
  @Matches(/^[\w.@-]{1,200}$/)
  actor?: string;

  @ApiPropertyOptional({ description: 'Only events by officials of this agency' })
  @Omittable()
  @Matches(/^[A-Z0-9][A-Z0-9-]{0,63}$/)
  agency?: string;

  @ApiPropertyOptional({
    description: 'Only these event types, comma-separated (e.g. ProjectAdded,ProjectBudgetRevised)',
  })
  @Omittable()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean)
      : value,
  )
  @IsIn([...PLAN_EVENT_TYPES], { each: true })
  type?: string[];

  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json', description: 'csv: UTF-8 with BOM, for Excel' })
  @Omittable()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';

  @ApiPropertyOptional({ description: 'Accepted for symmetry with the views; the history reads the log itself' })
  @Omittable()
  @Matches(/^\d{1,19}$/)
  minPosition?: string;
}
