import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiBearerAuth, ApiCreatedResponse, ApiHeader, ApiTags } from '@nestjs/swagger';
import { WithdrawConsentRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { WithdrawConsentDto } from './withdraw-consent.dto';

/** The person's withdrawal of consent. A sub-resource of the case; needs the case ETag as If-Match. */
@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: true, description: 'The case ETag you read' })
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('api/v1/cases/:caseId')
export class WithdrawConsentController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('consent-withdrawal')
  @HttpCode(201)
  @OperationId('CaseLifecycleController_withdrawConsent')
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawConsent(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: WithdrawConsentDto,
    @UpdateCommand() context: CommandContext,
  ) {
    return this.commands.execute(new WithdrawConsentRequest({ caseId, ...body }, context));
  }
}
