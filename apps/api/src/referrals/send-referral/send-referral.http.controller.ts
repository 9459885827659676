import { Body, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader } from '@nestjs/swagger';
import { SendReferralRequest } from '@ruamjai/cases';
import { type CommandContext } from '@ruamjai/event-store';
import { CommandHttp, type CommandResponse, CreateCommand, newIdFor } from '../../http/command-http';
import { SendReferralDto, SendReferralResponseDto } from './send-referral.dto';
import { ApiController } from '../../http/controllers';

@ApiController('referrals', 'api/v1/referrals')
export class SendReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post()
  @HttpCode(201)
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: SendReferralResponseDto,
    description:
      'ส่งต่อแล้ว / Sent. 409 REFERRAL.CONSENT_OR_LEGAL_BASIS_REQUIRED when it shares personal data without consent or a legal basis',
  })
  async send(
    @Body() body: SendReferralDto,
    @CreateCommand() context: CommandContext,
  ): Promise<CommandResponse & { referralId: string }> {
    const referralId = newIdFor(context, 'referral');
    const result = await this.commands.execute(
      new SendReferralRequest({ referralId, ...body }, context),
      `/api/v1/referrals/${referralId}`,
    );
    return { referralId, ...result };
  }
}
