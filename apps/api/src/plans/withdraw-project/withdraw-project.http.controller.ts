import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { WithdrawProjectRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { RequiredReasonDto } from '../plan-fields';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class WithdrawProjectController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('projects/:projectId/withdrawal')
  @OperationId('PlanStructureController_withdrawProject')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ถอนโครงการแล้ว / Project withdrawn' })
  withdrawProject(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('projectId', uuidParam('projectId')) projectId: string,
    @Body() body: RequiredReasonDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new WithdrawProjectRequest({ planId, projectId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
