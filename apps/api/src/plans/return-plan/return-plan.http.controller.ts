import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReturnPlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReturnPlanDto } from './return-plan.dto';
import { UpdateController } from '../../http/controllers';

/** The chair returns a submitted plan to drafting, with a reason. */
@UpdateController('plans', 'api/v1/plans/:planId', 'plan')
export class ReturnPlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('return')
  @OperationId('PlanLifecycleController_return')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ส่งแผนกลับไปแก้ไข / Returned to drafting' })
  return(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ReturnPlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ReturnPlanRequest({ planId, ...body }, context));
  }
}
