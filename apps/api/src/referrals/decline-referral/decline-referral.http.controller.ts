import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { DeclineReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { DeclineReferralDto } from './decline-referral.dto';

/** The receiving agency declines the referral, with a reason. Needs the referral ETag as If-Match. */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The referral ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/referrals/:referralId')
export class DeclineReferralController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('decline')
  @HttpCode(201)
  @OperationId('ReferralLifecycleController_decline')
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ปฏิเสธพร้อมเหตุผล / Declined with a reason' })
  decline(
    @Param('referralId', uuidParam('referralId')) referralId: string,
    @Body() body: DeclineReferralDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new DeclineReferralRequest({ referralId, ...body }, context));
  }
}
