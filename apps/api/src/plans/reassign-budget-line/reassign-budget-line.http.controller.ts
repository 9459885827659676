import { Body, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse } from '@nestjs/swagger';
import type { CommandContext } from '@ruamjai/event-store';
import { ReassignBudgetLineRequest } from '@ruamjai/planning';
import { CommandHttp, type CommandResponse, UpdateCommand } from '../../http/command-http';
import { uuidParam } from '../../http/uuid-param';
import { OperationId } from '../../http/operation-id';
import { CommandResponseDto } from '../draft-plan/draft-plan.dto';
import { ReassignBudgetLineDto } from './reassign-budget-line.dto';
import { UpdateController } from '../../http/controllers';

@UpdateController('plan structure', 'api/v1/plans/:planId', 'plan')
export class ReassignBudgetLineController {
  constructor(private readonly commands: CommandHttp) {}

  @Post('budget-lines/:lineId/reassignment')
  @OperationId('PlanStructureController_reassignBudgetLine')
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponseDto, description: 'Moves the line to another funding source' })
  reassignBudgetLine(
    @Param('planId', uuidParam('planId')) planId: string,
    @Param('lineId', uuidParam('lineId')) lineId: string,
    @Body() body: ReassignBudgetLineDto,
    @UpdateCommand() context: CommandContext,
  ): Promise<CommandResponse> {
    return this.commands.execute(
      new ReassignBudgetLineRequest({ planId, lineId, ...body }, context),
      `/api/v1/plans/${planId}`,
    );
  }
}
