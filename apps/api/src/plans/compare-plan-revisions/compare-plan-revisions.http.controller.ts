import { Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@ruamjai/kernel';
import { CurrentActor } from '../../http/command-http';
import { PlanReads, PlanNotFound, type PlanComparison } from '@ruamjai/planning';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { uuidParam } from '../../http/uuid-param';
import { ApiController } from '../../http/controllers';

export class CompareRevisionsQueryDto {
  @ApiPropertyOptional({ description: 'The earlier revision' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  from!: number;

  @ApiPropertyOptional({ description: 'The later revision' })
  @Type(() => Number)
  @IsInt()
  @Min(0)
  to!: number;
}

@ApiController('plans', 'api/v1/plans/:planId/comparison')
export class ComparePlanRevisionsController {
  constructor(private readonly plans: PlanReads) {}

  @Get()
  @ApiOkResponse({
    description: 'สิ่งที่เพิ่ม เปลี่ยน และนำออก ระหว่างสองรุ่นของแผน / What was added, changed and removed between two revisions',
  })
  async compare(
    @Param('planId', uuidParam('planId')) planId: string,
    @Query() query: CompareRevisionsQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<PlanComparison> {
    const comparison = await this.plans.compare(actor, planId, query.from, query.to);
    if (!comparison) throw new PlanNotFound(planId);
    return comparison;
  }
}
