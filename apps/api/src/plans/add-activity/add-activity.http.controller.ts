import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { AddActivityRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, newIdFor, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { AddActivityDto } from './add-activity.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class AddActivityController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/activities')
  @OperationId('PlanStructureController_addActivity')
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'เพิ่มกิจกรรมแล้ว / Activity added; the body names it' })
  async addActivity(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: AddActivityDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse & { activityId: string }> {
    const activityId = newIdFor(context, 'activity');
    return {
      activityId,
      ...(await this.commands.execute(
        new AddActivityRequest({ planId, projectId, activityId, ...body, targets: { ...body.targets } }, context),
        `/api/v1/plans/${planId}`,
      )),
    };
  }
}
