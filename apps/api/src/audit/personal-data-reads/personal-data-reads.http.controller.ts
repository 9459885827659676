import { Controller, Get, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CaseQueries } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { AccessLogDto } from '../../cases/case-views.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit/personal-data-reads')
export class PersonalDataReadsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiQuery({ name: 'caseId', required: false })
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'from', required: false, description: 'ISO 8601' })
  @ApiQuery({ name: 'to', required: false, description: 'ISO 8601' })
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: AccessLogDto, description: 'ทุกการเข้าถึงข้อมูลส่วนบุคคล: ใคร กรณีใด เมื่อใด เพราะอะไร / Every read of personal data and every audit grant: who, which case, when, why (auditors)' })
  async list(
    @Query('caseId') caseId: string | undefined,
    @Query('actor') actorId: string | undefined,
    @Query('from') from: string | undefined,
    @Query('to') to: string | undefined,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ) {
    await this.consistency.await(request);
    return { reads: await this.cases.accessLog(actor, { caseId, actorId, from, to }) };
  }
}
