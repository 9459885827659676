import type { CommandContext } from '@ruamjai/event-store';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { CompleteReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { CompleteReferralDto } from './complete-referral.dto';
import { UpdateController } from '../../http/controllers';

/** The receiving agency completes the service, with an outcome. Needs the referral ETag as If-Match. */
@UpdateController('referrals', 'api/v1/referrals/:referralId', 'referral')
export class CompleteReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('completion')
  @HttpCode(201)
  @OperationId('ReferralLifecycleController_complete')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ให้บริการเสร็จ พร้อมผล / Completed with an outcome' })
  complete(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @Body() body: CompleteReferralDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new CompleteReferralRequest({ referralId, ...body }, context));
  }
}
