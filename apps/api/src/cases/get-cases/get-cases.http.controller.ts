import { Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { CaseHistory, CaseQueries, type CaseHistoryEntry, type CaseView, type ReferralView } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, etagOf } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';
import { caseHistoryCsv } from './case-history-csv';
import { caseRegisterCsv } from './case-register-csv';
import { CaseListQueryDto, FormatQueryDto } from '../case-queries.dto';
import { CaseHistoryDto, CaseListDto, CaseWithReferralsDto } from '../case-views.dto';
import { VIEWS } from '../../http/views';
import { CSV, Download, withReplyHeaders } from '../../http/reply-headers';
import { ApiController } from '../../http/controllers';

/** Cases without personal data: the owning agency, agencies referred to, the coordinator and auditors. */
@ApiController('cases', 'api/v1/cases')
export class GetCasesController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
    private readonly caseHistory: CaseHistory,
  ) {}

  @Get()
  @ApiOkResponse({
    type: CaseListDto,
    description: 'กรณีที่คุณมีสิทธิ์เห็น ไม่มีข้อมูลส่วนบุคคล / The cases you may see, without personal data',
  })
  async list(
    @Query() query: CaseListQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ cases: CaseView[] }> {
    await this.consistency.await(request, VIEWS.cases);
    return { cases: await this.cases.listCases(actor, { status: query.status, stage: query.stage }) };
  }

  @Get('export')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: CaseListDto,
    description: 'ทะเบียนกรณีแบบไม่ระบุตัวบุคคล / The de-identified case register (coordinator, auditor)',
  })
  async export(
    @Query() query: FormatQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ cases: CaseView[] } | Download> {
    await this.consistency.await(request, VIEWS.cases);
    const cases = await this.cases.exportCases(actor);
    if (query.format === 'csv') {
      return new Download(caseRegisterCsv(cases), CSV, 'case-register.csv');
    }
    return { cases };
  }

  @Get('identification-overdue')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: CaseListDto,
    description:
      'กรณีที่คัดกรองแล้วแต่ยังไม่ได้คัดแยกเกินกำหนด (ราว 15 วัน) / Screened cases still awaiting identification past the NRM deadline',
  })
  async identificationOverdue(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ cases: CaseView[] }> {
    await this.consistency.await(request, VIEWS.cases);
    return { cases: await this.cases.identificationOverdue(actor) };
  }

  @Get(':caseId')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: CaseWithReferralsDto,
    description:
      'กรณีและการส่งต่อ ไม่มีข้อมูลส่วนบุคคล; ETag คือรุ่นของกรณี / The case and its referrals, without personal data; ETag is its version',
  })
  async get(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<CaseView & { referrals: ReferralView[] }> {
    await this.consistency.await(request, VIEWS.cases);
    const view = await this.cases.caseView(actor, caseId);
    return withReplyHeaders(view, { ETag: etagOf(view.revision) });
  }

  @Get(':caseId/history')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: CaseHistoryDto,
    description:
      "ประวัติของกรณีและการส่งต่อจากบันทึกเหตุการณ์ (ข้อมูลส่วนบุคคลยังคงเข้ารหัส) / The case's and its referrals' events from the log: who, agency, when, why; personal data stays sealed",
  })
  async history(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Query() query: FormatQueryDto,
    @CurrentActor() actor: Actor,
  ): Promise<{ caseId: string; events: CaseHistoryEntry[] } | Download> {
    const events = await this.caseHistory.history(actor, caseId);
    if (query.format === 'csv') {
      return new Download(caseHistoryCsv(events), CSV, `case-${caseId}-history.csv`);
    }
    return { caseId, events };
  }
}
