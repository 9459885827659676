import type { CommandContext } from '@ruamjai/event-store';
import { HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { StartReferralServiceRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { UpdateController } from '../../http/controllers';

/** The receiving agency starts the service. Needs the referral ETag as If-Match. */
@UpdateController('referrals', 'api/v1/referrals/:referralId', 'referral')
export class StartReferralServiceController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('start')
  @HttpCode(201)
  @OperationId('ReferralLifecycleController_start')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เริ่มให้บริการ / Service started' })
  start(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new StartReferralServiceRequest({ referralId }, context));
  }
}
