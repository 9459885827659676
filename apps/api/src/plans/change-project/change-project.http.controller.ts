import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ChangeProjectRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ChangeProjectDto } from './change-project.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ChangeProjectController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/changes')
  @OperationId('PlanStructureController_changeProject')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'เปลี่ยนข้อมูลโครงการแล้ว / Project changed' })
  changeProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: ChangeProjectDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ChangeProjectRequest({ planId, projectId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
