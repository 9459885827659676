import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ReferralCommandRequest } from '@ruamjai/cases';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CommandHttp, CurrentActor, type CommandResponse } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { CompleteReferralDto, DeclineReferralDto } from '../send-referral/send-referral.dto';
import { ReasonDto } from '../../cases/case-lifecycle/case-lifecycle.dto';

/** sent → accepted | declined → in progress → completed; the sender may revoke. Each needs the referral ETag. */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The referral ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/referrals/:referralId')
export class ReferralLifecycleController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('acceptance')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'รับการส่งต่อ (หน่วยงานผู้รับ) / Accepted by the receiving agency' })
  accept(@Param('referralId', uuidParam('referralId')) referralId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new ReferralCommandRequest('AcceptReferral', { referralId }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post('decline')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ปฏิเสธพร้อมเหตุผล / Declined with a reason' })
  decline(@Param('referralId', uuidParam('referralId')) referralId: string, @Body() body: DeclineReferralDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new ReferralCommandRequest('DeclineReferral', { referralId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post('start')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เริ่มให้บริการ / Service started' })
  start(@Param('referralId', uuidParam('referralId')) referralId: string, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new ReferralCommandRequest('StartReferralService', { referralId }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post('completion')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ให้บริการเสร็จ พร้อมผล / Completed with an outcome' })
  complete(@Param('referralId', uuidParam('referralId')) referralId: string, @Body() body: CompleteReferralDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new ReferralCommandRequest('CompleteReferral', { referralId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }

  @Post('revocation')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ผู้ส่งเพิกถอน: ผู้รับเสียสิทธิ์เข้าถึงข้อมูลทันที / Revoked by the sender; the recipient loses access at once' })
  revoke(@Param('referralId', uuidParam('referralId')) referralId: string, @Body() body: ReasonDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.commands.execute(new ReferralCommandRequest('RevokeReferral', { referralId, ...body }, this.commands.context(request, actor, { kind: 'update' })), reply);
  }
}
