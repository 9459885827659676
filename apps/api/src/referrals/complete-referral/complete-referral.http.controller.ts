import type { CommandContext } from '@ruamjai/event-store';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CompleteReferralRequest } from '@ruamjai/cases';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { CompleteReferralDto } from './complete-referral.dto';

/** The receiving agency completes the service, with an outcome. Needs the referral ETag as If-Match. */
@ApiTags('referrals')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The referral ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/referrals/:referralId')
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
