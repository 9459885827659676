import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { RevokeReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { ReasonDto } from '../../cases/reason.dto';

/** The sender revokes the referral; the recipient loses access at once. Needs the referral ETag as If-Match. */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The referral ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/referrals/:referralId')
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
