import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { SubmitFundRequestRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { SubmitFundRequestDto } from './submit-fund-request.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('fund requests', 'api/v1/plans/:planId', 'plan')
export class SubmitFundRequestController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/fund-requests')
  @OperationId('FundRequestsController_submit')
  @HttpCode(201)
  @ApiCreatedResponse({
    description: 'ยื่นคำขอรับการสนับสนุนจากกองทุนแล้ว / Submitted to the Fund; the body names the request',
  })
  async submit(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: SubmitFundRequestDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { requestId: string }> {
    const requestId = newIdFor(context, 'fund-request');
    const result = await this.commands.execute(
      new SubmitFundRequestRequest({ planId, projectId, requestId, ...body }, context),
    );
    return { requestId, ...result };
  }
}
