import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { PlanAudit, PlanNotFound, type PlanComparison } from '@ruamjai/planning';
import { Type } from 'class-transformer';
import { IsInt, Min } from 'class-validator';
import { uuidParam } from '../../http/uuid-param';

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

@ApiTags('plans')
@ApiBearerAuth()
@Controller('api/v1/plans/:planId/comparison')
export class ComparePlanRevisionsController {
  constructor(private readonly audit: PlanAudit) {}

  @Get()
  @ApiOkResponse({ description: 'สิ่งที่เพิ่ม เปลี่ยน และนำออก ระหว่างสองรุ่นของแผน / What was added, changed and removed between two revisions' })
  async compare(@Param('planId', uuidParam('planId')) planId: string, @Query() query: CompareRevisionsQueryDto): Promise<PlanComparison> {
    const comparison = await this.audit.compare(planId, query.from, query.to);
    if (!comparison) throw new PlanNotFound(planId);
    return comparison;
  }
}
