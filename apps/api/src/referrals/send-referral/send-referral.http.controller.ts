import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { ReferralCommandRequest } from '@ruamjai/cases';
import { idFromKey } from '@ruamjai/event-store';
import type { Actor } from '@ruamjai/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { CommandHttp, CurrentActor, type CommandResponse } from '../../http/command-http';
import { SendReferralDto, SendReferralResponseDto } from './send-referral.dto';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('api/v1/referrals')
export class SendReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: SendReferralResponseDto,
    description: 'ส่งต่อแล้ว / Sent. 409 REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED when it shares personal data without consent or a legal basis',
  })
  async send(@Body() body: SendReferralDto, @CurrentActor() actor: Actor, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse & { referralId: string }> {
    const context = this.commands.context(request, actor, { kind: 'create' });
    const referralId = context.idempotencyKey ? idFromKey(actor.id, context.idempotencyKey, 'referral') : randomUUID();
    const result = await this.commands.execute(new ReferralCommandRequest('SendReferral', { referralId, ...body }, context), reply, `/api/v1/referrals/${referralId}`);
    return { referralId, ...result };
  }
}
