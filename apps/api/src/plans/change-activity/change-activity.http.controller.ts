import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ChangeActivityDto } from './change-activity.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ChangeActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('activities/:activityId/changes')
  @OperationId('PlanStructureController_changeActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto })
  changeActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('activityId', uuidParam('activityId')) activityId: string,
    @Body() body: ChangeActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ChangeActivityRequest(
        { planId, activityId, ...body, ...(body.targets ? { targets: { ...body.targets } } : {}) },
        context,
      ),
      `/api/v1/plans/${planId}`,
    );
  }
}
