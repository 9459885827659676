import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ApproveFundRequestRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ApproveFundRequestDto } from './approve-fund-request.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('fund requests', 'api/v1/plans/:planId', 'plan')
export class ApproveFundRequestController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('fund-requests/:requestId/approval')
  @OperationId('FundRequestsController_approve')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  approve(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('requestId', uuidParam('requestId')) requestId: string,
    @Body() body: ApproveFundRequestDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ApproveFundRequestRequest({ planId, requestId, ...body }, context));
  }
}
