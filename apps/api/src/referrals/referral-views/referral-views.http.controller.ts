import { Get, Param, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { CaseQueries, type ReferralView } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyRequest } from 'fastify';
import { CurrentActor, etagOf } from '../../http/command-http';
import { ReadYourWrites } from '../../http/read-your-writes';
import { uuidParam } from '../../http/uuid-param';
import { ReferralBoxQueryDto, ReferralListQueryDto } from '../../cases/case-queries.dto';
import { ReferralBoxDto, ReferralListDto, ReferralViewDto, TimeToAcceptListDto } from '../../cases/case-views.dto';
import { VIEWS } from '../../http/views';
import { withReplyHeaders } from '../../http/reply-headers';
import { ApiController } from '../../http/controllers';

@ApiController('referrals', 'api/v1/referrals')
export class ReferralViewsController {
  constructor(
    private readonly cases: CaseQueries,
    private readonly consistency: ReadYourWrites,
  ) {}

  @Get()
  @ApiOkResponse({
    type: ReferralListDto,
    description:
      'การส่งต่อที่คุณเห็นได้ ทั้งหมด ที่ยังเปิด หรือที่เกินกำหนดตอบรับ / Every referral you may see, the open ones, or those past due and unanswered',
  })
  async list(
    @Query() query: ReferralListQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ referrals: ReferralView[] }> {
    await this.consistency.await(request, VIEWS.referrals);
    return { referrals: await this.cases.referrals(actor, query.state, query.province) };
  }

  @Get('inbox')
  @ApiOkResponse({
    type: ReferralBoxDto,
    description: 'การส่งต่อถึงหน่วยงาน / Referrals to the agency, earliest due first',
  })
  async inbox(
    @Query() query: ReferralBoxQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ agency: string; referrals: ReferralView[] }> {
    await this.consistency.await(request, VIEWS.referrals);
    const code = query.agency ?? actor.agency;
    return {
      agency: code,
      referrals: await this.cases.box(actor, 'inbox', code, {
        state: query.state ?? (query.open === 'true' ? 'open' : undefined),
      }),
    };
  }

  @Get('outbox')
  @ApiOkResponse({ type: ReferralBoxDto, description: 'การส่งต่อจากหน่วยงาน / Referrals from the agency' })
  async outbox(
    @Query() query: ReferralBoxQueryDto,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ agency: string; referrals: ReferralView[] }> {
    await this.consistency.await(request, VIEWS.referrals);
    const code = query.agency ?? actor.agency;
    return {
      agency: code,
      referrals: await this.cases.box(actor, 'outbox', code, {
        state: query.state ?? (query.open === 'true' ? 'open' : undefined),
      }),
    };
  }

  @Get('escalations')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: ReferralListDto,
    description: 'เรื่องที่เกินกำหนดและส่งถึงผู้ประสานงาน / Overdue referrals escalated to the coordinator and still unanswered',
  })
  async escalations(
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<{ referrals: ReferralView[] }> {
    await this.consistency.await(request, VIEWS.referrals);
    return { referrals: await this.cases.escalations(actor) };
  }

  @Get('time-to-accept')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({
    type: TimeToAcceptListDto,
    description:
      'เวลาตั้งแต่ส่งจนรับ (ชั่วโมง) ต่อหน่วยงานผู้รับ / Hours from sending to acceptance per receiving agency, p50 and p90 (coordinator, auditor)',
  })
  async timeToAccept(@CurrentActor() actor: Actor, @Req() request: FastifyRequest) {
    await this.consistency.await(request, VIEWS.referrals);
    return { agencies: await this.cases.timeToAccept(actor) };
  }

  @Get(':referralId')
  @ApiQuery({ name: 'minPosition', required: false })
  @ApiOkResponse({ type: ReferralViewDto, description: 'การส่งต่อ; ETag คือรุ่น / The referral; ETag is its version' })
  async get(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @CurrentActor() actor: Actor,
    @Req() request: FastifyRequest,
  ): Promise<ReferralView> {
    await this.consistency.await(request, VIEWS.referrals);
    const view = await this.cases.referral(actor, referralId);
    return withReplyHeaders(view, { ETag: etagOf(view.revision) });
  }
}
