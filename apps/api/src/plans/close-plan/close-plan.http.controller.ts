import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ClosePlanRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ClosePlanDto } from './close-plan.dto';
import { UpdateController } from '../../http/controllers';

/** The chair closes the plan after its fiscal year, with its results. */
@UpdateController('plans', 'api/v1/plans/:planId', 'plan')
export class ClosePlanController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('closure')
  @OperationId('PlanLifecycleController_close')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'ปิดแผนแล้ว / Closed' })
  close(
    @Param('planId', uuidParam('planId')) planId: string,
    @Body() body: ClosePlanDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(new ClosePlanRequest({ planId, ...body }, context));
  }
}
