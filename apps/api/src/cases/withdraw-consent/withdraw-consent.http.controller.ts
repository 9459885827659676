import { Body, HttpCode, Param, Post } from '@nestjs/common';
import type { CommandContext } from '@ruamjai/event-store';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { WithdrawConsentRequest } from '@ruamjai/cases';
import { CommandHttp, UpdateCommand } from '../../http/command-http';
import { OperationId } from '../../http/operation-id';
import { uuidParam } from '../../http/uuid-param';
import { CommandResponseDto } from '../../plans/draft-plan/draft-plan.dto';
import { WithdrawConsentDto } from './withdraw-consent.dto';
import { UpdateController } from '../../http/controllers';

/** The person's withdrawal of consent. A sub-resource of the case; needs the case ETag as If-Match. */
@UpdateController('cases', 'api/v1/cases/:caseId', 'case')
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
