import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReassignActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReassignActivityDto } from './reassign-activity.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ReassignActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/reassignment')
  @OperationId('PlanStructureController_reassignActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  reassignActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ReassignActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReassignActivityRequest({ planId, activityId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
