import { Get, Query, Req } from '@nestjs/common';
import { ApiOkResponse } from '@nestjs/swagger';
import { CaseQueries } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { AccessLogQueryDto } from '../../cases/case-queries.dto';
import { AccessLogDto } from '../../cases/case-views.dto';
import { VIEWS } from '../../http/views';
import { ApiController } from '../../http/controllers';

@ApiController('audit', 'api/v1/audit/personal-data-reads')
export class PersonalDataReadsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiOkResponse({
    type: AccessLogDto,
    description:
      'ทุกการเข้าถึงข้อมูลส่วนบุคคล: ใคร กรณีใด เมื่อใด เพราะอะไร / Every read of personal data and every audit grant: who, which case, when, why (auditors)',
  })
  async list(@Query() query: AccessLogQueryDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    await this.consistency.await(request, VIEWS.accessLog);
    return {
      reads: await this.cases.accessLog(actor, {
        caseId: query.caseId,
        actorId: query.actor,
        from: query.from,
        to: query.to,
      }),
    };
  }
}
