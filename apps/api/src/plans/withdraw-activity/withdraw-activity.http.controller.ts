import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { WithdrawActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RequiredReasonDto } from '../plan-fields';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class WithdrawActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/withdrawal')
  @OperationId('PlanStructureController_withdrawActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  withdrawActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new WithdrawActivityRequest({ planId, activityId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
