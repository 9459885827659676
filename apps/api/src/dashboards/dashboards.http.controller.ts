import { Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { CaseDashboards } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor } from '../http/command-http';
import { ReadYourWrites } from '../http/read-your-writes';
import { CaseDashboardDto, CommitmentDashboardDto, ReferralDashboardDto } from '../cases/case-views.dto';
import { VIEWS } from '../http/views';
import { ApiController } from '../http/controllers';

/** De-identified aggregates of the reader's province (national roles: every province): every role may read them, and no count below DASHBOARD_MIN_COUNT is shown. */
@ApiController('dashboards', 'api/v1/dashboards')
export class DashboardsController {
  constructor(
    private readonly dashboards: CaseDashboards,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get('cases')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: CaseDashboardDto,
    description:
      'จำนวนกรณีตามอำเภอ ขั้นตอน แหล่งที่มา กลุ่มอายุ สถานะ (ปิดบังจำนวนน้อย) / Cases by district, stage, source, age group, status; small counts withheld',
  })
  async cases(@Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    await this.consistency.await(request, VIEWS.caseDashboard);
    return this.dashboards.cases(actor);
  }

  @Get('referrals')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: ReferralDashboardDto,
    description:
      'การส่งต่อตามบริการและสถานะ ที่เกินกำหนด และเวลาตอบรับ (เปอร์เซ็นไทล์) ต่อหน่วยงาน / Referrals by service and status, overdue, time-to-accept percentiles per agency',
  })
  async referrals(@Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    await this.consistency.await(request, VIEWS.referralDashboard);
    return this.dashboards.referrals(actor);
  }

  @Get('commitments')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: CommitmentDashboardDto,
    description:
      'คำมั่นเทียบกับที่ดำเนินการแล้ว ต่อหน่วยงานและทรัพยากร คำมั่นต่อกรณีแสดงเฉพาะเมื่อครอบคลุมกรณีไม่น้อยกว่าเกณฑ์ / Pledged vs fulfilled per agency and resource; pledges to cases only where they cover at least DASHBOARD_MIN_COUNT cases',
  })
  async commitments(@Req() request: FastifyRequest, @CurrentActor() actor: Actor) {
    await this.consistency.await(request, VIEWS.commitmentDashboard);
    return this.dashboards.commitments(actor);
  }
}
