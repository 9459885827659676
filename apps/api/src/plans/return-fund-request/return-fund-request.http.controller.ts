import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReturnFundRequestRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { FundDecisionReasonDto } from '../plan-fields';
import { UpdateController } from '../../http/controllers';

@UpdateController('fund requests', 'api/v1/plans/:planId', 'plan')
export class ReturnFundRequestController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('fund-requests/:requestId/return')
  @OperationId('FundRequestsController_return')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  return(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: FundDecisionReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReturnFundRequestRequest({ planId, requestId, ...body }, context));
  }
}
