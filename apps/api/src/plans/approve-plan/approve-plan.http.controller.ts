import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ApprovePlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ApprovePlanDto } from './approve-plan.dto';
import { UpdateController } from '../../http/controllers';

/** The chair records the subcommittee meeting that approved the plan. */
@UpdateController('plans', 'api/v1/plans/:planId', 'plan')
export class ApprovePlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('approval')
  @OperationId('PlanLifecycleController_approve')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'อนุมัติแผนแล้ว / Approved' })
  approve(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ApprovePlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ApprovePlanRequest({ planId, ...body }, context));
  }
}
