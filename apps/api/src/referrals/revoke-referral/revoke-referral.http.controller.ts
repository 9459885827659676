import type { CommandContext } from '@ruamjai/event-store';
import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { RevokeReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ReasonDto } from '../../cases/reason.dto';
import { UpdateController } from '../../http/controllers';

/** The sender revokes the referral; the recipient loses access at once. Needs the referral ETag as If-Match. */
@UpdateController('referrals', 'api/v1/referrals/:referralId', 'referral')
export class RevokeReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('revocation')
  @HttpCode(201)
  @OperationId('ReferralLifecycleController_revoke')
  @ApiCreatedResponse({
    type: CommandResponseDto,
    description: 'ผู้ส่งเพิกถอน: ผู้รับเสียสิทธิ์เข้าถึงข้อมูลทันที / Revoked by the sender; the recipient loses access at once',
  })
  revoke(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @Body() body: ReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new RevokeReferralRequest({ referralId, ...body }, context));
  }
}
