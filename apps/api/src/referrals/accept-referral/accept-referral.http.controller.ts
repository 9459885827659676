import type { CommandContext } from '@ruamjai/event-store';
import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { AcceptReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { UpdateController } from '../../http/controllers';

/** The receiving agency accepts the referral. Needs the referral ETag as If-Match. */
@UpdateController('referrals', 'api/v1/referrals/:referralId', 'referral')
export class AcceptReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('acceptance')
  @HttpCode(201)
  @OperationId('ReferralLifecycleController_accept')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'รับการส่งต่อ (หน่วยงานผู้รับ) / Accepted by the receiving agency',
  })
  accept(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new AcceptReferralRequest({ referralId }, context));
  }
}
